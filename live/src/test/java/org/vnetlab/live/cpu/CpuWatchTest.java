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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** --cpu KIND:WHAT: every kind made and checked, every mistake one line naming the value. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CpuWatchTest {

    @Test
    void mistakesAreOneLineNamingTheValue(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        h.cgroup("system.slice/docker-0123abcd.scope", 5);
        assertError(h, "vm:web", "--cpu vm:web: unknown kind 'vm', expected one of pid:PID, cgroup:PATH, xen:DOMAIN");
        assertError(h, "xen", "--cpu xen: expected KIND:WHAT");
        assertError(h, "pid:abc", "--cpu pid:abc: 'abc' is not a process id");
        assertError(h, "netns:../etc", "--cpu netns:../etc: '../etc' is not a name");
        assertError(h, "cgroup:system.slice/nope", "--cpu cgroup:system.slice/nope: cannot read CPU time of cgroup-nope");
        assertError(h, "xen:Domain-0", "--cpu xen:Domain-0: cannot run xentop-is-not-here");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> CpuWatch.of(
                List.of("cgroup:system.slice/docker-0123abcd.scope", "cgroup:" + h.cgroup.resolve(
                        "system.slice/docker-0123abcd.scope")), h.host()));
        assertTrue(twice.getMessage().endsWith("cgroup-docker-0123abcd.scope is watched already"), twice.getMessage());
    }

    @Test
    void aContainersCgroupIsReadUnderTheTreesRoot(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        h.cgroup("system.slice/docker-0123abcd.scope", 2_500_000);
        try (CpuWatch w = CpuWatch.of(List.of("cgroup:system.slice/docker-0123abcd.scope"), h.host())) {
            assertEquals(2_500_000_000L, w.sources().get(0).cpuNanos());
        }
    }

    @Test
    void xenDomainsShareOneXentopAndAnUnlistedDomainIsAnError(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        Path recorded = dir.resolve("out.txt");
        Files.writeString(recorded, XentopParserTest.fixture("xentop-b-f-d1-i3.txt"));
        Path xentop = dir.resolve("xentop");
        Files.writeString(xentop, "#!/bin/sh\ncat '" + recorded + "'\nexec sleep 30\n");
        Files.setPosixFilePermissions(xentop, PosixFilePermissions.fromString("rwx------"));
        CpuWatch.Host host = new CpuWatch.Host(h.proc, h.cgroup, h.libvirt, h.netns, h.docker, h.podman,
                List.of(xentop.toString()), Duration.ofSeconds(10));
        try (CpuWatch w = CpuWatch.of(List.of("xen:guest one", "xen:Domain-0"), host)) {
            assertEquals(List.of("xen-guest one", "xen-Domain-0"), w.sources().stream().map(CpuSource::name).toList());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CpuWatch.of(List.of("xen:mail"), host));
        assertEquals("--cpu xen:mail: xentop lists no domain mail (it lists [Domain-0, guest one, idle, "
                + "web-frontend-production-01])", e.getMessage());
    }

    @Test
    void theCgroupV2MountIsFoundInTheMountTable() {
        assertEquals(Path.of("/sys/fs/cgroup/unified"), CgroupTree.root(List.of(
                "tmpfs /sys/fs/cgroup tmpfs rw 0 0", "cgroup /sys/fs/cgroup/cpu cgroup rw,cpu 0 0",
                "cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0")));
        assertEquals(Path.of("/mnt/my cgroups"), CgroupTree.root(List.of("none /mnt/my\\040cgroups cgroup2 rw 0 0")));
        assertEquals(Path.of("/sys/fs/cgroup"), CgroupTree.root(List.of("proc /proc proc rw 0 0")));
    }

    private static void assertError(RecordedHost h, String spec, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CpuWatch.of(List.of(spec), h.host()));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
