package org.vnetlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnetlab.core.model.CpuBurner;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.GuestMemory;
import org.vnetlab.core.model.PathRates;
import org.vnetlab.core.model.NativePlatform;
import org.vnetlab.core.model.RttProbe;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.ShortRuns;
import org.vnetlab.core.model.TcpStream;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.model.VServerPlatform;
import org.vnetlab.core.model.XenPlatform;

class ScenarioLoaderTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"native", "xen-single", "vserver-single", "xen-double", "vserver-double", "xen-burned",
            "vserver-burned", "rtt", "lit-boost-7burners", "lit-busy-pinged", "lit-idle-pinged", "lit-streamers",
            "lit-7streams", "container-single", "container-double", "container-burned", "kvm-single", "kvm-double", "kvm-burned"})
    void everyBundledScenarioLoadsAndRenders(String name) throws IOException {
        LoadedScenario s = LOADER.load(name, List.of());
        assertEquals(name, s.scenario().name());
        assertFalse(LOADER.catalog().description(name).isBlank());
        String hocon = s.render();
        assertTrue(hocon.contains("platform"), hocon);
        // the rendered text is the scenario: it loads back to the same model (sweeps and clusters ship it)
        Path file = Files.writeString(dir.resolve(name + ".conf"), hocon);
        assertEquals(s.scenario(), LOADER.load(file.toString(), List.of()).scenario());
    }

    @Test
    void theStudysTestbedAndMethodAreTheDefaults() {
        Scenario s = LOADER.load("xen-double", List.of()).scenario();
        assertEquals(2, s.host().cpus());
        assertEquals(1_000_000_000L, s.link().rate().bitsPerSecond());
        assertEquals(7, s.method().trials());
        XenPlatform xen = assertInstanceOf(XenPlatform.class, s.platform());
        assertEquals(List.of("domU1", "domU2"), xen.guestNames());
        assertEquals("00:16:3e:00:00:02", xen.domUs().get(1).vif().mac().toString());
        UdpStream udp = s.workloads(UdpStream.class).get(0);
        assertEquals(Direction.TRADEOFF, udp.direction());
        assertEquals(1470, udp.sizes().ipv4().get(udp.sizes().ipv4().size() - 1));
        assertEquals(1450, udp.sizes().ipv6().get(udp.sizes().ipv6().size() - 1));
        assertEquals(2, s.workloads(UdpStream.class).size());
    }

    @Test
    void burnedScenariosMeasureOnlyTheGuestThatDoesNotBurn() {
        Scenario s = LOADER.load("xen-burned", List.of()).scenario();
        assertEquals("domU1", s.workloads(CpuBurner.class).get(0).guest());
        assertEquals(List.of("domU2"), s.workloads(UdpStream.class).stream().map(UdpStream::guest).toList());
        Scenario v = LOADER.load("vserver-burned", List.of()).scenario();
        assertInstanceOf(VServerPlatform.class, v.platform());
        assertEquals(List.of("ctx2"), v.workloads(UdpStream.class).stream().map(UdpStream::guest).toList());
    }

    @Test
    void theRttScenarioHasAVariantPerReflector() {
        assertInstanceOf(NativePlatform.class, LOADER.load("rtt", List.of()).scenario().platform());
        Scenario domU = LOADER.load("rtt", List.of("rtt.reflector=domU")).scenario();
        assertEquals("domU1", domU.workloads(RttProbe.class).get(0).guest());
        Scenario burned = LOADER.load("rtt", List.of("rtt.reflector=domU-burned")).scenario();
        assertEquals("domU2", burned.workloads(RttProbe.class).get(0).guest());
        assertEquals(1, burned.workloads(CpuBurner.class).size());
    }

    @Test
    void theProbeSpinsUnlessToldToSleep() {
        assertEquals(RttProbe.Pacing.SPIN, LOADER.load("rtt", List.of()).scenario().workloads(RttProbe.class).get(0)
                .pacing());
        assertEquals(RttProbe.Pacing.SLEEP, LOADER.load("rtt", List.of("rtt.pacing=sleep")).scenario()
                .workloads(RttProbe.class).get(0).pacing());
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt", List.of("rtt.pacing=nap"))), "rtt.pacing",
                "'nap'", "valid: spin, sleep");
    }

    @Test
    void aUdpSenderPacesAsIperf2UnlessToldToSleep() {
        assertEquals(UdpStream.Pacing.SPIN, LOADER.load("native", List.of()).scenario().workloads(UdpStream.class)
                .get(0).pacing());
        assertEquals(UdpStream.Pacing.TIMER, LOADER.load("native", List.of("udp.pacing=timer")).scenario()
                .workloads(UdpStream.class).get(0).pacing());
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("udp.pacing=sleep"))),
                "udp.pacing", "'sleep'", "valid: timer, spin");
    }

    @Test
    void aScenarioNamedWithoutItsFolderKeepsItsIncludes() throws IOException {
        // a bare name is read from the working folder, where the test must write (and remove) it
        Path part = Path.of("vnetlab-test-part-" + ProcessHandle.current().pid() + ".conf");
        Path scenario = Path.of("vnetlab-test-" + ProcessHandle.current().pid() + ".conf");
        try {
            Files.writeString(part, "udp.rate = \"300 Mbit/s\"\n");
            Files.writeString(scenario, "extends = native\ninclude \"" + part + "\"\n");
            assertEquals(300_000_000L, LOADER.load(scenario.toString(), List.of()).scenario()
                    .workloads(UdpStream.class).get(0).rate().bitsPerSecond(), "the include was dropped");
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(scenario);
        }
    }

    @Test
    void aMistakeInAFileNamedWithoutItsFolderNamesItAsTyped() throws IOException {
        // read as ./name so that its includes are found, it is still shown as the user typed it
        Path scenario = Path.of("vnetlab-test-bad-" + ProcessHandle.current().pid() + ".conf");
        try {
            Files.writeString(scenario, "name = x\nplatform = hyperv\n");
            String message = assertThrows(ConfigError.class, () -> LOADER.load(scenario.toString(), List.of()))
                    .getMessage();
            assertTrue(message.startsWith(scenario + ":2: "), message);
        } finally {
            Files.deleteIfExists(scenario);
        }
    }

    @Test
    void aKeyOfAnotherPlatformsSectionIsRefusedNotIgnored() throws IOException {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("xen.domUs=1000"))),
                "--set xen.domUs=1000", "platform native reads no xen.* keys", "platform = xen");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-single", List.of("vserver.contexts=2"))),
                "platform xen reads no vserver.* keys");
        Path file = Files.writeString(dir.resolve("mine.conf"), "extends = native\nkvm.guests = 3\n");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load(file.toString(), List.of())), "mine.conf:2",
                "kvm.guests", "platform native reads no kvm.* keys");
        assertEquals(2, LOADER.load("native", List.of("platform=xen", "xen.domUs=2")).scenario().platform()
                .guestNames().size(), "a platform set beside its keys reads them");
    }

    @Test
    void theNicsInterruptCpuIsOneOfTheMachinesAndOnlyMovesWhereLinuxTakesIt() {
        assertEquals(0, LOADER.load("native", List.of()).scenario().host().nic().irqCpu(), "CPU 0, as physflat routes it");
        assertEquals(1, LOADER.load("vserver-burned", List.of("host.nic.irq-cpu=1")).scenario().host().nic().irqCpu());
        assertEquals(1, LOADER.load("xen-single", List.of("peer.nic.irq-cpu=1")).scenario().peer().nic().irqCpu());
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("host.nic.irq-cpu=2"))),
                "host.nic.irq-cpu", "must be a CPU of the machine, 0 to 1", "got 2");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("peer.nic.irq-cpu=-1"))),
                "peer.nic.irq-cpu", "0 to 1");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-single", List.of("host.nic.irq-cpu=1"))),
                "host.nic.irq-cpu", "must be 0 with platform xen", "xen.dom0.nic-vcpu");
    }

    @Test
    void nicQueuesAndParallelStreamsAreReadAndBounded() {
        Scenario s = LOADER.load("native", List.of("host.cpus=8", "host.nic.queues=4", "peer.nic.queues=2",
                "udp.parallel=8")).scenario();
        assertEquals(4, s.host().nic().queues());
        assertEquals(2, s.peer().nic().queues());
        assertEquals(8, s.workloads(UdpStream.class).get(0).parallel());
        assertEquals(1, s.workloads(TcpStream.class).get(0).parallel());
        assertEquals(1, LOADER.load("native", List.of()).scenario().host().nic().queues(), "the study's one queue");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("host.cpus=8",
                "host.nic.queues=9"))), "host.nic.queues", "must be 1 to 8", "got 9");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("peer.nic.queues=0"))),
                "peer.nic.queues", "must be 1 to 2");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-single", List.of("host.nic.queues=2"))),
                "host.nic.queues", "must be 1 with platform xen");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("udp.parallel=65"))),
                "udp.parallel", "must be 1 to 64");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("tcp.parallel=0"))),
                "tcp.parallel", "must be 1 to 64");
    }

    @Test
    void theStudysProbeIsOpenLoopAndOngarosPingClosed() {
        RttProbe study = LOADER.load("rtt", List.of()).scenario().workloads(RttProbe.class).get(0);
        assertEquals(RttProbe.Loop.OPEN, study.loop());
        RttProbe ping = LOADER.load("lit-boost-7burners", List.of()).scenario().workloads(RttProbe.class).get(0);
        assertEquals(RttProbe.Loop.CLOSED, ping.loop());
        assertEquals(0, ping.pauseNanos());
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt", List.of("rtt.loop=round"))), "rtt.loop",
                "'round'", "valid: open, closed");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt", List.of("rtt.deadline=0s"))),
                "rtt.deadline");
    }

    @Test
    void setOverridesAnyKeyAndGuestCountsGrow() {
        Scenario s = LOADER.load("xen-double", List.of("xen.domUs=4", "host.cpus=4", "link.rate=10G",
                "host.nic.rate=\"10 Gbit/s\"")).scenario();
        assertEquals(4, s.platform().guestNames().size());
        assertEquals(4, s.host().cpus());
        assertEquals(10_000_000_000L, s.link().rate().bitsPerSecond());
        assertEquals(4, s.workloads(UdpStream.class).size());
    }

    @Test
    void aUserFileExtendsABundledScenario() throws IOException {
        Path f = write("mine.conf", "extends = xen-double\nname = mine\nxen.domU.weight = 512\n");
        Scenario s = LOADER.load(f.toString(), List.of()).scenario();
        assertEquals("mine", s.name());
        assertEquals(512, ((XenPlatform) s.platform()).domUs().get(1).weight());
    }

    // --- bad input: one line naming file, line and key ---

    private ConfigError fails(String text, List<String> sets) throws IOException {
        Path f = write("bad.conf", text);
        return assertThrows(ConfigError.class, () -> LOADER.load(f.toString(), sets));
    }

    /**
     * Counts that size the model's arrays or loops have bounds: 2^31 - 1 VCPUs filled the heap
     * for a minute, a transmit ring of 2^31 - 1 overflowed into a run that carried nothing.
     */
    @Test
    void countsThatSizeTheModelAreBounded() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-single", List.of("xen.domU.vcpus=2147483647"))),
                "--set xen.domU.vcpus=2147483647", "must be 1 to 64 (a VCPU's affinity is a 64-bit mask of CPUs)");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-single", List.of("xen.dom0.vcpus=100000"))),
                "xen.dom0.vcpus", "must be 1 to 64");
        oneLine(assertThrows(ConfigError.class,
                () -> LOADER.load("xen-single", List.of("host.nic.tx-ring=2147483647"))),
                "host.nic.tx-ring", "must be 1 to 65536");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("peer.nic.rx-ring=0"))),
                "peer.nic.rx-ring", "must be 1 to 65536");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-double", List.of("xen.domU.weight=65536"))),
                "xen.domU.weight", "must be 1 to 65535 (Xen keeps a domain's weight in 16 bits)");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("method.trials=1001"))),
                "method.trials", "must be 1 to 1000");
        LOADER.load("xen-single", List.of("xen.domU.vcpus=64", "host.nic.tx-ring=65536", "xen.dom0.cap=6400"));
    }

    @Test
    void extendsChainsAreFollowedAndACycleIsNamedAsOne() throws IOException {
        // nine levels without a cycle were once refused as "is there a cycle?"
        write("level0.conf", "extends = native\nhost.cpus = 3\n");
        for (int i = 1; i <= 9; i++) {
            write("level" + i + ".conf", "extends = level" + (i - 1) + ".conf\n");
        }
        assertEquals(3, LOADER.load(dir.resolve("level9.conf").toString(), List.of()).scenario().host().cpus());
        write("a.conf", "extends = b.conf\n");
        Path b = write("b.conf", "extends = a.conf\n");
        ConfigError cycle = assertThrows(ConfigError.class,
                () -> LOADER.load(dir.resolve("a.conf").toString(), List.of()));
        oneLine(cycle, "b.conf:1: extends: a cycle: ", "a.conf extends " + b + " extends ");
        oneLine(fails("extends = [xen-single]\n", List.of()), "bad.conf:1: extends: expected the name or file of one"
                + " scenario, got a list");
    }

    /** A file read nothing from the environment (a parameter file's error printed a password) and fails in one line. */
    @Test
    void aSubstitutionReadsNoEnvironmentAndDeepNestingIsOneLine() throws IOException {
        oneLine(fails("extends = native\nhost.name = ${HOME}\n", List.of()), "bad.conf:2",
                "Could not resolve substitution to a value: ${HOME}");
        oneLine(fails("extends = native\nx = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n", List.of()),
                "bad.conf: nested too deeply to read");
    }

    @Test
    void aUdpRateBelowOneDatagramASecondIsRefused() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-single", List.of("udp.rate=1bit/s"))),
                "--set udp.rate=1bit/s", "sends a datagram of 36 B less than once a second; at least 288 bit/s");
        LOADER.load("xen-single", List.of("udp.rate=288bit/s"));
    }

    @Test
    void twoGuestsWithOneMacAreRefused() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-double", List.of(
                "xen.domUs=[{name=a, mac=\"00:16:3e:00:00:01\"}, {name=b, mac=\"00:16:3e:00:00:01\"}]"))),
                "xen.domUs", "b and a both have MAC 00:16:3e:00:00:01");
    }

    private static void oneLine(ConfigError e, String... parts) {
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        for (String p : parts) {
            assertTrue(m.contains(p), "'" + m + "' should mention '" + p + "'");
        }
    }

    @Test
    void malformedHocon() throws IOException {
        // the parser reports the end of the file, as a missing ')'; the brace left open is the mistake
        oneLine(fails("name = x\nhost {\n  cpus = 2 # a { in a comment\n  nic { rate = \"1 Gbit/s\" }\n", List.of()),
                "bad.conf:2: this '{' is never closed");
        oneLine(fails("name = x\nhost.cpus = [2\n", List.of()), "bad.conf:", "end of file");
    }

    @Test
    void anUnresolvedSubstitutionOrAMissingIncludeNamesTheLineThatAskedForIt() throws IOException {
        oneLine(fails("name = x\nhost.cpus = ${nope}\n", List.of()), "bad.conf:2", "${nope}");
        oneLine(fails("name = x\n\ninclude required(\"missing.conf\")\n", List.of()),
                "bad.conf:3: include required(\"missing.conf\"): no such file", dir.toString());
        // HOCON would skip an include that is not required; a mistyped name would lose its keys unsaid
        oneLine(fails("name = x\ninclude \"mising.conf\"\n", List.of()),
                "bad.conf:2: include \"mising.conf\": no such file", dir.toString());
        // at any depth, and inside a block
        Files.writeString(dir.resolve("mid.conf"), "include \"missing-typo.conf\"\n");
        oneLine(fails("extends = native\ninclude \"mid.conf\"\n", List.of()),
                "bad.conf: a file it includes includes \"missing-typo.conf\", which is not there");
        oneLine(fails("extends = native\nhost {\n  include \"hostbits\" }\n", List.of()),
                "bad.conf:3: include \"hostbits\" }: no such file");
        Files.createDirectories(dir.resolve("d.conf"));
        oneLine(fails("extends = native\ninclude \"d.conf\"\n", List.of()),
                "bad.conf:2: include \"d.conf\": is a directory, not a file to include");
        // only files: no URL is fetched, no resource of the program read
        oneLine(fails("extends = native\ninclude url(\"http://198.18.0.1:9/x.conf\")\n", List.of()),
                "bad.conf:2: include url(http://198.18.0.1:9/x.conf): a scenario includes files only");
        oneLine(fails("include classpath(\"reference.conf\")\nname = x\n", List.of()),
                "bad.conf:1: include classpath(reference.conf): a scenario includes files only; name a bundled"
                        + " scenario with extends = NAME");
        Files.writeString(dir.resolve("part.conf"), "udp.rate = \"300 Mbit/s\"\n");
        assertEquals(300_000_000L, LOADER.load(write("ext.conf", "extends = native\ninclude \"part\"\n").toString(),
                List.of()).scenario().workloads(UdpStream.class).get(0).rate().bitsPerSecond(), "as HOCON finds part.conf");
    }

    @Test
    void missingFileAndUnknownScenario() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load(dir.resolve("nope.conf").toString(), List.of())),
                "nope.conf", "no such");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-dubble", List.of())),
                "unknown scenario 'xen-dubble'", "did you mean 'xen-double'");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("XEN-SINGLE", List.of())),
                "unknown scenario 'XEN-SINGLE'", "did you mean 'xen-single'");
    }

    @Test
    void unknownPlatform() throws IOException {
        oneLine(fails("name = x\nplatform = hyperv\n", List.of()), "bad.conf:2", "platform", "'hyperv'",
                "native, xen, vserver, container, kvm");
    }

    @Test
    void zeroOrNegativeRate() throws IOException {
        oneLine(fails("name = x\nlink.rate = \"0 Mbit/s\"\n", List.of()), "bad.conf:2", "link.rate", "positive");
        oneLine(fails("name = x\nudp.rate = \"-5M\"\n", List.of()), "bad.conf:2", "udp.rate");
        oneLine(fails("name = x\nlink.rate = \"2000 Gbit/s\"\n", List.of()), "bad.conf:2", "link.rate", "1 Tbit/s");
    }

    @Test
    void aNegativeOrZeroNumberWhereARateOrDurationBelongsSaysItMustBePositive() {
        // not "has no unit": a unit would not mend these
        for (String[] set : new String[][] {{"udp.rate=-5", "udp.rate: must be a positive rate such as 1 Gbit/s or"
                + " 500 Mbit/s, got -5"}, {"udp.rate=0", "udp.rate: must be a positive rate such as 1 Gbit/s or 500"
                + " Mbit/s, got 0"}, {"udp.rate=-5 Mbit/s", "udp.rate: '-5 Mbit/s' is not a positive data rate"},
            {"udp.duration=-5", "udp.duration: must be a positive duration such as 10 s or 20 us, got -5"}}) {
            ConfigError e = assertThrows(ConfigError.class, () -> LOADER.load("native", List.of(set[0])));
            assertEquals("--set " + set[0] + ": " + set[1], e.getMessage());
        }
        ConfigError unitless = assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("udp.rate=5")));
        assertEquals("--set udp.rate=5: udp.rate: '5' has no unit; write a rate such as 1 Gbit/s or 500 Mbit/s",
                unitless.getMessage());
    }

    @Test
    void valuesARunCannotHoldAreRefusedByKeyInsteadOfOverflowingOrExhaustingMemory() throws IOException {
        // past a long's nanoseconds Typesafe Config saturates a duration; sums of it went negative
        oneLine(fails("name = x\nlink.delay = 1e20s\n", List.of()), "bad.conf:2", "link.delay", "at most 24 hours",
                "'1e20s'");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-single",
                List.of("host.nic.tx-coalesce=25h"))), "host.nic.tx-coalesce", "at most 24 hours");
        assertEquals(86_400_000_000_000L, LOADER.load("native", List.of("udp.duration=24h")).scenario().workloads()
                .stream().filter(w -> w instanceof UdpStream).map(w -> ((UdpStream) w).durationNanos()).findFirst()
                .orElseThrow(), "a day itself is allowed");
        // a sample a nanosecond kept every sample of a run in memory until the JVM gave up
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native",
                List.of("method.cpu-sample-interval=999us"))), "method.cpu-sample-interval", "at least 1 ms", "999us");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt", List.of("rtt.count=100000000"))),
                "rtt.count", "at most 10000000 probes", "100000000 x 100");
        // an open loop at 1 bit/s would simulate for years without a word
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt", List.of("rtt.rate=1 bit/s"))),
                "rtt.rate", "at most 3600 s");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt",
                List.of("rtt.loop=closed", "rtt.deadline=2h"))), "rtt.deadline", "at most 3600 s");
        // a bound on keys together names the one the user set, not a default's line in reference.conf
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt", List.of("rtt.packets=2147483647"))),
                "--set rtt.packets=2147483647: rtt.packets: count x packets must be at most 10000000 probes");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt", List.of("rtt.warm-up=24h"))),
                "--set rtt.warm-up=24h: rtt.warm-up: the probe would run");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("tcp.window=1GiB"))),
                "tcp.window", "at most 1073725440 B");
        LOADER.load("native", List.of("tcp.window=1000MiB"));
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt", List.of("rtt.clock-resolution=1h"))),
                "rtt.clock-resolution", "at most 10 ms");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("link.delay=24h"))),
                "link.delay", "at most 1 s one way");
        LOADER.load("native", List.of("link.delay=1s"));
        // below two segments the model ran with two: 1 B gave what 2896 B gives
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("tcp.window=1B"))),
                "tcp.window", "must be at least 2896 B");
    }

    @Test
    void aDirectoryGivenAsTheScenarioIsNamedAsOne(@TempDir Path dir) {
        ConfigError e = assertThrows(ConfigError.class, () -> LOADER.load(dir.toString(), List.of()));
        assertEquals(dir + ": is a directory; give a scenario's .conf file or a bundled scenario's name", e.getMessage());
        // Java reads the empty name as the current folder, which was then named as ": is a directory"
        ConfigError empty = assertThrows(ConfigError.class, () -> LOADER.load("", List.of()));
        assertTrue(empty.getMessage().startsWith("the scenario's name is empty; give a bundled scenario's name (native,"),
                empty.getMessage());
    }

    @Test
    void anEmptyScenarioFileIsRefusedRatherThanRunAsNative(@TempDir Path dir) throws Exception {
        Path empty = java.nio.file.Files.writeString(dir.resolve("empty.conf"), "# nothing yet\n");
        ConfigError e = assertThrows(ConfigError.class, () -> LOADER.load(empty.toString(), List.of()));
        assertTrue(e.getMessage().startsWith(empty + ": holds no keys; a scenario names at least its platform"),
                e.getMessage());
        Path one = java.nio.file.Files.writeString(dir.resolve("one.conf"), "platform = xen\n");
        assertEquals("xen", LOADER.load(one.toString(), List.of()).scenario().platform().kind());
    }

    @Test
    void anOverrideThatRefersToAnotherKeyOrHidesAFractionIsAOneLineErrorNamingIt() {
        ConfigError reference = assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("host.cpus=${x}")));
        assertEquals("--set host.cpus=${x}: host.cpus: a value given here cannot refer to other keys (${...}); give the"
                + " value itself", reference.getMessage());
        // HOCON keeps .3 as text, which Typesafe Config reads as the integer 0
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("host.cpus=.3"))), "host.cpus",
                "must be a whole number, got .3");
    }

    @Test
    void payloadLargerThanTheMtuAllows() throws IOException {
        oneLine(fails("name = x\nudp.sizes.ipv6 = [100, 1460]\n", List.of()), "bad.conf:2", "udp.sizes.ipv6",
                "1460", "at most 1452");
        // a smaller MTU leaves the study's default sizes too large: the error says how to give others
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("link.mtu=1280"))),
                "udp.sizes.ipv4", "payload 1300 B does not fit MTU 1280", "--set 'udp.sizes.ipv4=[36, 1252]'");
        LOADER.load("native", List.of("link.mtu=1280", "udp.sizes.ipv4=[36, 1252]", "udp.sizes.ipv6=[36, 1232]"));
    }

    @Test
    void aDurationWithoutAUnitIsNotReadAsMilliseconds() throws IOException {
        oneLine(fails("name = x\nudp.duration = 5\n", List.of()), "bad.conf:2", "udp.duration", "'5' has no unit");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("udp.duration=5"))),
                "udp.duration", "no unit");
        assertEquals(0, LOADER.load("rtt", List.of("rtt.warm-up=0")).scenario().workloads(RttProbe.class).get(0)
                .warmUpNanos(), "a bare 0 needs no unit");
    }

    @Test
    void digitsOutsideAsciiAreNotNumbers() {
        // Java's integer parser reads the Arabic-Indic three as 3; a typo of another script must not simulate
        for (String set : List.of("host.cpu-speed=\u0663", "host.cpus=\uff12",
                "udp.sizes.ipv4=[\u0663\u0666]")) {
            oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of(set))), "in ASCII digits");
        }
    }

    @Test
    void aWholeNumberTooLargeForACountSaysSo() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("host.cpus=2147483648"))),
                "host.cpus", "too large: 2147483648");
    }

    @Test
    void aNumberWhereNoNumberBelongsIsOfTheWrongTypeNotTooLarge() throws IOException {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("host.nic.tso=3"))),
                "host.nic.tso", "expected true or false, got number 3");
        oneLine(fails("name = x\nhost.nic.tso = 1\n", List.of()), "bad.conf:2", "host.nic.tso",
                "expected true or false, got number 1");
    }

    @Test
    void aListWhereANumberBelongsIsShownOnOneLine() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("host.cpus=[1,2]"))),
                "host.cpus", "expected an integer, got list [1,2]");
    }

    @Test
    void aFractionWhereACountBelongsIsAnError() throws IOException {
        oneLine(fails("name = x\nhost.cpus = 2.5\n", List.of()), "bad.conf:2", "host.cpus", "whole number", "2.5");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-double", List.of("xen.domUs=1.5"))),
                "xen.domUs", "whole number");
        oneLine(fails("name = x\nudp.sizes.ipv4 = [36, 100.5]\n", List.of()), "bad.conf:2", "udp.sizes.ipv4",
                "whole number");
        assertEquals(2, LOADER.load("native", List.of("host.cpus=2.0")).scenario().host().cpus(), "2.0 is whole");
    }

    @Test
    void aPinToACpuTheHostLacksOrMoreGuestsThanAddressesNameTheirKey() throws IOException {
        oneLine(fails("name = x\nplatform = xen\nxen.domU.pinned = [7]\n", List.of()), "bad.conf:3", "xen.domU.pinned",
                "domU1 is pinned to CPU 7", "0 to 1");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-single", List.of("xen.dom0.pinned=[0,2]"))),
                "xen.dom0.pinned", "CPU 2 does not exist", "0 to 1");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("xen-single", List.of("xen.domUs=1000"))),
                "xen.domUs", "at most 244 guests", "list of guest objects");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("vserver-double", List.of("vserver.contexts=300"))),
                "vserver.contexts", "at most");
        assertEquals(244, LOADER.load("xen-single", List.of("xen.domUs=244")).scenario().platform() instanceof
                XenPlatform x ? x.domUs().size() : -1);
    }

    @Test
    void aCpuSpeedOutsideWhatTheKernelsClockCanTimeIsRefused() {
        for (String set : List.of("host.cpu-speed=1e-320", "peer.cpu-speed=0.001", "host.cpu-speed=1000")) {
            oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of(set))), "--set " + set,
                    "0.01 to 100 times the study's 2.4 GHz Opteron");
        }
    }

    @Test
    void zeroCpus() throws IOException {
        oneLine(fails("name = x\nhost.cpus = 0\n", List.of()), "bad.conf:2", "host.cpus", "positive");
    }

    @Test
    void moreThan64Cpus() throws IOException {
        oneLine(fails("name = x\nhost.cpus = 65\n", List.of()), "bad.conf:2", "host.cpus", "at most 64");
    }

    @Test
    void workloadNamingAGuestThatDoesNotExist() throws IOException {
        oneLine(fails("name = x\nplatform = xen\nxen.domUs = 2\nworkloads = [{type = udp, guest = domU3}]\n",
                List.of()), "bad.conf:4", "workloads[0].guest", "domU3", "domU1, domU2");
    }

    @Test
    void duplicateGuestNames() throws IOException {
        oneLine(fails("name = x\nplatform = xen\nxen.domUs = [{name = a}, {name = a}]\n", List.of()),
                "bad.conf:3", "xen.domUs", "'a'", "unique");
    }

    @Test
    void twoContextsClaimingTheSameAddress() throws IOException {
        oneLine(fails("name = x\nplatform = vserver\nvserver.contexts = [\n"
                + "  {name = a, addresses = [\"198.18.0.5\"]}\n  {name = b, addresses = [\"198.18.0.5\"]}\n]\n",
                List.of()), "bad.conf:3", "vserver.contexts", "198.18.0.5", "b and a");
    }

    @Test
    void setWithAnUnknownKey() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("host.cpu=4"))),
                "--set host.cpu=4", "unknown key", "did you mean 'host.cpus'");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("nonsense"))),
                "--set nonsense", "KEY=VALUE");
    }

    @Test
    void unknownKeyInAFileAndWrongType() throws IOException {
        oneLine(fails("name = x\nhost.cpuz = 3\n", List.of()), "bad.conf:2", "host.cpuz", "host.cpus");
        oneLine(fails("name = x\nhost.cpus = many\n", List.of()), "bad.conf:2", "host.cpus", "integer", "'many'");
        oneLine(fails("name = x\nlink.rate = 1000\n", List.of()), "bad.conf:2", "link.rate", "no unit");
        oneLine(fails("name = x\nworkloads = [{type = rtt, guest = all}]\nrtt.streams = often\n", List.of()),
                "bad.conf:3", "rtt.streams", "true or false");
    }

    @Test
    void aPathWhoseRatesDifferIsSaidToRunAtTheSlowest() {
        String faster = PathRates.mismatch(LOADER.load("xen-double", List.of("host.nic.rate=10 Gbit/s")).scenario())
                .orElseThrow();
        assertTrue(faster.contains("runs at the slowest, 1 Gbit/s"), faster);
        assertTrue(PathRates.mismatch(LOADER.load("xen-double", List.of("host.nic.rate=10 Gbit/s",
                "link.rate=10 Gbit/s", "peer.nic.rate=10 Gbit/s")).scenario()).isEmpty());
        for (String name : LOADER.catalog().names()) {
            assertTrue(PathRates.mismatch(LOADER.load(name, List.of()).scenario()).isEmpty(), name);
        }
    }

    @Test
    void aSeedPastALongsRangeIsRefusedNotClamped() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native",
                List.of("method.seed=99999999999999999999999"))), "method.seed", "expected an integer",
                "got 99999999999999999999999");
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("method.seed=1e30"))),
                "method.seed", "expected an integer");
        assertEquals(Long.MAX_VALUE, LOADER.load("native", List.of("method.seed=9223372036854775807")).scenario()
                .method().seed());
        assertEquals(-5, LOADER.load("native", List.of("method.seed=-5")).scenario().method().seed());
    }

    @Test
    void runsTooShortForATimeSliceOfEverySenderAreSaid() {
        Scenario native1 = LOADER.load("native", List.of()).scenario();
        String tiny = ShortRuns.warning(native1, 10_000_000L).orElseThrow();
        assertTrue(tiny.startsWith("runs of 0.01 s are shorter than one 100 ms time slice"), tiny);
        assertTrue(ShortRuns.warning(native1, 100_000_000L).isEmpty(), "one slice is enough for one sender");
        Scenario many = LOADER.load("xen-double", List.of("xen.domUs=64")).scenario();
        String slices = ShortRuns.warning(many, 200_000_000L).orElseThrow();
        assertTrue(slices.contains("the 3.2 s in which Linux 2.6.16's scheduler would give each of 64 senders"), slices);
        assertTrue(ShortRuns.warning(many, 3_200_000_000L).isEmpty());
        for (String name : LOADER.catalog().names()) {
            assertTrue(ShortRuns.warning(LOADER.load(name, List.of()).scenario(), null).isEmpty(), name);
        }
    }

    @Test
    void guestsWhoseMemoryExceedsTheHostsAreSaidAndEveryBundledHostHoldsItsGuests() {
        Scenario two = LOADER.load("xen-double", List.of()).scenario();
        assertTrue(GuestMemory.shortfall(two).isEmpty());
        GuestMemory.Fit fit = GuestMemory.guestsThatFit(two).orElseThrow();
        assertEquals(4, fit.guests(), "2 GiB holds four guests of 512 MiB");
        String eight = GuestMemory.shortfall(LOADER.load("xen-double", List.of("xen.domUs=8")).scenario()).orElseThrow();
        assertTrue(eight.startsWith("the 8 DomUs ask for 4 GiB of memory together, more than host.memory (2 GiB)"), eight);
        assertTrue(GuestMemory.shortfall(LOADER.load("xen-double", List.of("xen.domUs=8", "host.memory=4 GiB"))
                .scenario()).isEmpty());
        assertTrue(GuestMemory.guestsThatFit(LOADER.load("native", List.of()).scenario()).isEmpty(), "no DomUs");
        for (String name : LOADER.catalog().names()) {
            assertTrue(GuestMemory.shortfall(LOADER.load(name, List.of()).scenario()).isEmpty(), name);
        }
    }

    @Test
    void theLiteratureScenariosPutEightGuestsOnOneCpuAndPingTheOneThatDoesNotBurn() {
        Scenario burners = LOADER.load("lit-boost-7burners", List.of()).scenario();
        assertEquals(1, burners.host().cpus());
        assertEquals(7, burners.workloads(CpuBurner.class).size());
        assertEquals(List.of("domU8"), burners.workloads(RttProbe.class).stream().map(RttProbe::guest).toList());
        Scenario streamers = LOADER.load("lit-streamers", List.of()).scenario();
        assertTrue(streamers.workloads(RttProbe.class).get(0).withStreams());
        assertEquals(7, streamers.workloads(TcpStream.class).size());
        assertFalse(LOADER.load("rtt", List.of()).scenario().workloads(RttProbe.class).get(0).withStreams());
    }

    @Test
    void aGroupOfKeysGivenAValueHintsTheNearKey() {
        ConfigError e = assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("xen.domU=4")));
        oneLine(e, "--set xen.domU=4", "xen.domU is a group of keys", "xen.domU.", "did you mean 'xen.domUs'?");
        assertEquals(4, LOADER.load("xen-single", List.of("xen.domUs=4")).scenario().platform().guestNames().size());
    }

    @Test
    void aMistypedExtendsNamesTheFileAndLine() throws IOException {
        ConfigError e = fails("name = x\nextends = xen-dubble\n", List.of());
        oneLine(e, "bad.conf:2: extends: unknown scenario 'xen-dubble'", "did you mean 'xen-double'");
    }

    @Test
    void theParsersAdviceAboutPropertiesFilesIsLeftOut() throws IOException {
        ConfigError e = fails("name = a:b\n", List.of());
        oneLine(e, "bad.conf:1", "':'", "double quotes");
        assertFalse(e.getMessage().contains(".properties"), e.getMessage());
        Path params = write("bad-params.conf", "model.cost.bridge.per-packet-ns = 5 @\n");
        ConfigError p = assertThrows(ConfigError.class, () -> LOADER.load("native", List.of(), params));
        oneLine(p, "bad-params.conf:1", "'@'");
        assertFalse(p.getMessage().contains(".properties"), p.getMessage());
    }

    @Test
    void aBadSetValueNamesTheFlag() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("native", List.of("host.cpus=-1"))),
                "--set host.cpus=-1", "host.cpus", "positive");
    }

    @Test
    void anUnknownRttReflectorListsTheVariants() {
        oneLine(assertThrows(ConfigError.class, () -> LOADER.load("rtt", List.of("rtt.reflector=kvm"))),
                "rtt.reflector", "domU, domU-burned, native");
    }

    @Test
    void theStudysPublishedValuesShipAsADataset() {
        ReferenceDataset d = ReferenceDataset.study();
        assertEquals(20, d.values().size());
        assertEquals(0.2643, d.find("xen-domU", "ipv4", "roundtrip", "rtt_median").orElseThrow().value());
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
