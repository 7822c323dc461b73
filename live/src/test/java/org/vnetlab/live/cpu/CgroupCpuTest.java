package org.vnetlab.live.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.live.Requirements;

/** A cgroup of this machine, made for the test, with a spinning process moved into it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CgroupCpuTest {

    @Test
    void aBusyProcessMovedIntoACgroupShowsInItsUsage() throws Exception {
        Path root = CgroupTree.root();
        Requirements.kernel(Files.exists(root.resolve("cgroup.procs")), "cgroup v2 tree at " + root);
        Requirements.root();
        String name = "vnetlab-test-" + UUID.randomUUID().toString().substring(0, 8);
        Path group = Files.createDirectory(root.resolve(name));
        Process busy = null;
        try {
            CpuSource g = CpuWatch.of(List.of("cgroup:" + name), CpuWatch.Host.local()).sources().get(0);
            assertEquals("cgroup-" + name, g.name());
            assertEquals(0, g.cpuNanos(), "a new cgroup has used no CPU");
            busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(busy.pid()));
            long before = g.cpuNanos();
            Thread.sleep(800);
            long after = g.cpuNanos();
            assertTrue(after - before >= 50_000_000L, "a spinning shell used " + (after - before) + " ns in 0.8 s");
        } finally {
            if (busy != null) {
                busy.destroyForcibly().waitFor();
            }
            removeWhenEmpty(group);
        }
    }

    /** A cgroup can be removed once its last process is gone, which the kernel notes a moment after exit. */
    private static void removeWhenEmpty(Path group) throws Exception {
        for (int i = 0; ; i++) {
            try {
                Files.delete(group);
                return;
            } catch (java.io.IOException e) {
                if (i == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
