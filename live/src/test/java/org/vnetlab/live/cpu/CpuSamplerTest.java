package org.vnetlab.live.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.live.Requirements;

/** CPU like xentop: percent of one CPU per one-second sample, from /proc and cgroup v2 cpu.stat. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CpuSamplerTest {

    private static void burn(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long x = 0;
        while (System.nanoTime() < end) {
            x += x * 31 + 7;
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    @Test
    void aBusyThreadsCpuTimeShowsInThisProcessesSample() {
        // how much CPU a spinning thread gets depends on the machine's load; its own CPU clock says
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long wallStart = System.nanoTime();
        CpuSampler s = new CpuSampler(List.of(CpuSource.ProcessCpu.self()));
        long threadStart = threads.getCurrentThreadCpuTime();
        burn(600);
        long used = threads.getCurrentThreadCpuTime() - threadStart;
        s.sample();
        long wall = System.nanoTime() - wallStart;
        double percent = s.samples().get("server").get(0);
        // /proc counts in 10 ms ticks: allow two ticks of rounding
        double atLeast = 100.0 * (used - 20_000_000L) / wall;
        assertTrue(percent >= atLeast, percent + " % < " + atLeast + " % that this thread alone used");
        int cpus = Runtime.getRuntime().availableProcessors();
        assertTrue(percent <= 100.0 * cpus + 1, "more than the machine's " + cpus + " CPUs: " + percent);
    }

    @Test
    void anotherProcessIsReadByPid() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "5").start();
        try {
            CpuSource s = CpuSource.pid(sleeper.pid());
            assertEquals("pid-" + sleeper.pid(), s.name());
            assertTrue(s.cpuNanos() < 500_000_000L, "sleep used CPU?");
        } finally {
            sleeper.destroy();
        }
        assertThrows(IllegalArgumentException.class, () -> CpuSource.pid(Integer.MAX_VALUE));
    }

    @Test
    void aCgroupIsReadFromItsCpuStat(@TempDir Path dir) throws Exception {
        Path stat = dir.resolve("cpu.stat");
        Files.writeString(stat, "usage_usec 1000000\nuser_usec 600000\nsystem_usec 400000\n");
        CpuSource g = CpuSource.cgroup(dir.toString());
        assertEquals(1_000_000_000L, g.cpuNanos());
        CpuSampler s = new CpuSampler(List.of(g));
        Files.writeString(stat, "usage_usec 1500000\n");
        Thread.sleep(200);
        s.sample();
        double percent = s.samples().get(g.name()).get(0);
        // 0.5 s of CPU in about 0.2 s of wall time: about 250 %, i.e. more than two CPUs
        assertTrue(percent > 150 && percent < 260, "" + percent);
        assertThrows(IllegalArgumentException.class, () -> CpuSource.cgroup(dir.resolve("nope").toString()));
    }

    @Test
    void theRealCgroupTreeIsReadableWhereThereIsOne() {
        Path root = Path.of("/sys/fs/cgroup/cpu.stat");
        Path unified = Path.of("/sys/fs/cgroup/unified/cpu.stat");
        Path stat = Files.exists(root) ? root : unified;
        Requirements.kernel(Files.exists(stat), "cgroup v2 (/sys/fs/cgroup/cpu.stat)");
        assertTrue(CpuSource.cgroup(stat.getParent().toString()).cpuNanos() > 0);
    }
}
