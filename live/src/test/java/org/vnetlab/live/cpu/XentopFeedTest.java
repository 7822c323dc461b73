package org.vnetlab.live.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A domain's CPU time from xentop's iterations: the recorded output was rendered from known
 * nanosecond counters (guest one used 0.937 s then 0.951 s in iterations 1.003117 s and 1.002480 s
 * apart), so the integrated time is checked against them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class XentopFeedTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long[] ARRIVALS = {5 * SECOND, 5 * SECOND + 1_003_117_000L, 5 * SECOND + 2_005_597_000L};

    /** The recorded iterations, each arriving at its time. */
    private static XentopFeed replay(String fixture, AtomicLong clock) {
        XentopFeed feed = new XentopFeed(clock::get, Duration.ofSeconds(1));
        int i = 0;
        for (String line : XentopParserTest.fixture(fixture).lines().toList()) {
            if (line.strip().startsWith("NAME ")) {
                clock.set(ARRIVALS[i++]);
            }
            feed.accept(line);
        }
        return feed;
    }

    @Test
    void cpuPercentTimesTheIterationsSpacingGivesTheDomainsTime() {
        AtomicLong clock = new AtomicLong();
        XentopFeed feed = replay("xentop-b-f-d1-i3.txt", clock);
        clock.set(ARRIVALS[2] + SECOND); // a reading one period after the last iteration: all of it
        // CPU(%) is printed to 0.1 %: within 1 ms a second of the counters the output was made from
        assertEquals(937_000_000L + 951_000_000L, feed.cpuNanos("guest one"), 2_000_000);
        assertEquals(1_734_000_000L + 1_802_000_000L, feed.cpuNanos("web-frontend-production-01"), 2_000_000);
        assertEquals(3_000_000L, feed.cpuNanos("idle"), 2_000_000);
        assertEquals(List.of("Domain-0", "guest one", "idle", "web-frontend-production-01"),
                List.copyOf(feed.domains()));
    }

    @Test
    void aReadingLagsOnePeriodAndIsInterpolatedBetweenIterations() {
        AtomicLong clock = new AtomicLong();
        XentopFeed feed = replay("xentop-b-f-d1-i3.txt", clock);
        clock.set(ARRIVALS[0] + SECOND);
        assertEquals(0, feed.cpuNanos("guest one"), "the first iteration is the baseline");
        long first = Math.round(0.934 * 1_003_117_000L);
        long second = Math.round(0.949 * 1_002_480_000L);
        clock.set(ARRIVALS[1] + SECOND);
        assertEquals(first, feed.cpuNanos("guest one"));
        clock.set(ARRIVALS[1] + SECOND + 1_002_480_000L / 2);
        assertEquals(first + second / 2, feed.cpuNanos("guest one"), 1);
        clock.set(ARRIVALS[2] + 10 * SECOND);
        assertEquals(first + second, feed.cpuNanos("guest one"), "held after the last iteration");
    }

    @Test
    void aDomainStartedAgainUnderItsNameIsABaselineNotATime() {
        AtomicLong clock = new AtomicLong();
        XentopFeed feed = new XentopFeed(clock::get, Duration.ofSeconds(1));
        String header = XentopParserTest.fixture("xentop-b-f-d1-i3.txt").lines().findFirst().orElseThrow();
        String row = XentopParserTest.fixture("xentop-b-f-d1-i3.txt").lines().skip(2).findFirst().orElseThrow();
        feed.accept(header);
        feed.accept(row);
        clock.set(SECOND);
        feed.accept(header);
        feed.accept(row.replace("   0.0 ", "  50.0 "));
        clock.set(2 * SECOND);
        feed.accept(header);
        // CPU(sec) 823 -> 12: destroyed and created again; this CPU(%) has no sample behind it
        feed.accept(row.replace("        823    0.0 ", "         12   80.0 "));
        clock.set(5 * SECOND);
        assertEquals(SECOND / 2, feed.cpuNanos("guest one"));
    }

    @Test
    void brokenOutputMakesEveryDomainUnreadable() {
        AtomicLong clock = new AtomicLong();
        XentopFeed feed = replay("xentop-b-f-d1-i3.txt", clock);
        feed.accept("Segmentation fault");
        CpuSource.Unreadable e = assertThrows(CpuSource.Unreadable.class, () -> feed.cpuNanos("guest one"));
        assertTrue(e.getMessage().contains("line 16"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new XentopFeed(clock::get, Duration.ofSeconds(1))
                .cpuNanos("nobody"));
    }

    @Test
    void namesCutAlikeAreUnreadable() {
        AtomicLong clock = new AtomicLong();
        XentopFeed feed = new XentopFeed(clock::get, Duration.ofSeconds(1));
        String text = XentopParserTest.fixture("xentop-b-d1-i2-v-n-x.txt");
        String header = text.lines().findFirst().orElseThrow();
        String web = text.lines().filter(l -> l.startsWith("web-fronte")).findFirst().orElseThrow();
        feed.accept(header);
        feed.accept(web);
        feed.accept(web.replace("3600", "3601"));
        assertThrows(CpuSource.Unreadable.class, () -> feed.cpuNanos("web-fronte"));
    }

    @Test
    void aSamplerLeavesAnUnreadableSourceOutOfItsReport() {
        AtomicLong clock = new AtomicLong();
        XentopFeed feed = replay("xentop-b-f-d1-i3.txt", clock);
        CpuSampler s = new CpuSampler(List.of(new CpuSource.XenDomainCpu("xen-idle", "idle", feed)));
        s.sample();
        feed.accept("garbage");
        s.sample();
        assertEquals(List.of(), s.samples().get("xen-idle"));
    }

    @Test
    void aRunningXentopIsReadAndItsFailuresAreOneLine(@TempDir Path dir) throws Exception {
        Path recorded = dir.resolve("out.txt");
        Files.writeString(recorded, XentopParserTest.fixture("xentop-b-f-d1-i3.txt"));
        Path xentop = script(dir, "xentop", "cat '" + recorded + "'; exec sleep 30");
        try (XentopFeed feed = XentopFeed.start(List.of(xentop.toString()), Duration.ofSeconds(1),
                Duration.ofSeconds(10))) {
            assertTrue(feed.domains().contains("guest one"), feed.domains().toString());
            assertTrue(feed.cpuNanos("guest one") >= 0);
        }
        Path failing = script(dir, "xentop-fails", "echo 'Failed to initialize xenstat library' >&2; exit 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> XentopFeed.start(
                List.of(failing.toString()), Duration.ofSeconds(1), Duration.ofSeconds(10)));
        assertEquals("xentop exited with code 1: Failed to initialize xenstat library", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> XentopFeed.start(
                List.of(dir.resolve("absent").toString()), Duration.ofSeconds(1), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().startsWith("cannot run ") && e.getMessage().contains("xentop, from Xen's tools"),
                e.getMessage());
        Path silent = script(dir, "xentop-silent", "exec sleep 30");
        e = assertThrows(IllegalArgumentException.class, () -> XentopFeed.start(
                List.of(silent.toString()), Duration.ofSeconds(1), Duration.ofMillis(300)));
        assertTrue(e.getMessage().endsWith("printed no complete iteration within 0 s"), e.getMessage());
    }

    private static Path script(Path dir, String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
