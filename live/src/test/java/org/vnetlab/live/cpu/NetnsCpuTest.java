package org.vnetlab.live.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.live.Requirements;

/** The processes of a network namespace, summed: on a recorded /proc, then on a namespace of this machine. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetnsCpuTest {

    private static final long TICK = 10_000_000L;

    @Test
    void theProcessesWhoseNetLinkNamesTheNamespaceAreSummed(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        Path blue = Files.createFile(h.netns.resolve("blue"));
        long inode = ((Number) Files.getAttribute(blue, "unix:ino")).longValue();
        h.process(100, "server", 300, 100, inode);
        Path helper = h.process(101, "helper", 50, 50, inode);
        h.process(102, "elsewhere", 9000, 9000, inode + 1);
        h.process(103, "no namespace link", 9000, 9000, 0);
        try (CpuWatch w = CpuWatch.of(List.of("netns:blue"), h.host())) {
            CpuSource ns = w.sources().get(0);
            assertEquals("netns-blue", ns.name());
            assertEquals(500 * TICK, ns.cpuNanos());
            // the helper exits: its time stays; a new process with its PID counts from its own start
            Files.writeString(helper.resolve("stat"), RecordedHost.stat(101, "new", 7, 3, 999));
            assertEquals(510 * TICK, ns.cpuNanos());
            deleteTree(helper);
            assertEquals(510 * TICK, ns.cpuNanos(), "an exited process keeps its time");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CpuWatch.of(List.of("netns:red"), h.host()));
        assertTrue(e.getMessage().startsWith("--cpu netns:red: cannot read network namespace "), e.getMessage());
    }

    @Test
    void aBusyProcessInARealNamespaceIsCounted() throws Exception {
        Requirements.root();
        Requirements.tool("ip");
        String name = "vnetlab-test-" + UUID.randomUUID().toString().substring(0, 8);
        run("ip", "netns", "add", name);
        Process busy = null;
        try {
            CpuSource ns = CpuWatch.of(List.of("netns:" + name), CpuWatch.Host.local()).sources().get(0);
            assertEquals(0, ns.cpuNanos(), "a new namespace has no processes");
            busy = new ProcessBuilder("ip", "netns", "exec", name, "sh", "-c", "while :; do :; done").start();
            long before = ns.cpuNanos();
            Thread.sleep(800);
            long after = ns.cpuNanos();
            assertTrue(after - before >= 50_000_000L, "a spinning shell used " + (after - before) + " ns in 0.8 s");
            busy.destroyForcibly().waitFor();
            assertTrue(ns.cpuNanos() >= after, "its time stays after it exits");
        } finally {
            if (busy != null) {
                busy.destroyForcibly().waitFor();
            }
            run("ip", "netns", "del", name);
        }
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private static void deleteTree(Path p) throws Exception {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
