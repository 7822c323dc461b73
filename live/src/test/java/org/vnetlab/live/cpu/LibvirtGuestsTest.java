package org.vnetlab.live.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A KVM host as libvirt lays it out: QEMU's vCPU threads by name, the guest's escaped machine scope. */
class LibvirtGuestsTest {

    @Test
    void theVcpuThreadsOfTheGuestsQemuAreSummed(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        h.process(4242, "qemu-system-x86", 9000, 1000, 0);
        h.thread(4242, 4242, "qemu-system-x86", 500, 300);
        h.thread(4242, 4250, "CPU 0/KVM", 4000, 200);
        h.thread(4242, 4251, "CPU 1/KVM", 3000, 100);
        h.thread(4242, 4252, "IO mon_iothread", 700, 700);
        Files.writeString(h.libvirt.resolve("web-1.pid"), "4242");
        try (CpuWatch w = CpuWatch.of(List.of("kvm:web-1"), h.host())) {
            CpuSource vcpus = w.sources().get(0);
            assertEquals("kvm-web-1", vcpus.name());
            assertEquals((4000 + 200 + 3000 + 100) * 10_000_000L, vcpus.cpuNanos());
        }
    }

    @Test
    void withoutAPidFileTheProcessIsFoundByItsNameOption(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        h.process(77, "bash", 1, 1, 0, "bash");
        h.process(5000, "qemu-system-x86", 1, 1, 0, "/usr/bin/qemu-system-x86_64", "-name",
                "guest=db,,eu,debug-threads=on", "-S");
        h.thread(5000, 5003, "CPU 0/KVM", 250, 50);
        LibvirtGuests g = new LibvirtGuests(h.proc, h.cgroup, h.libvirt);
        assertEquals(5000, g.qemuPid("db,eu"));
        assertEquals(List.of(h.proc.resolve("5000/task/5003/stat")), g.vcpuThreads("db,eu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.qemuPid("db"));
        assertTrue(e.getMessage().startsWith("no QEMU process runs guest db"), e.getMessage());
    }

    @Test
    void aQemuWithoutNamedThreadsIsAClearError(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        h.process(6000, "qemu-system-x86", 1, 1, 0, "qemu-system-x86_64", "-name", "old");
        h.thread(6000, 6000, "qemu-system-x86", 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CpuWatch.of(List.of("kvm:old"), h.host()));
        assertTrue(e.getMessage().startsWith("--cpu kvm:old: guest old's QEMU process 6000 has no threads named"),
                e.getMessage());
    }

    @Test
    void theMachineScopeIsFoundFromItsEscapedName(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        h.cgroup("machine.slice/machine-qemu\\x2d3\\x2dweb\\x2d1.scope", 7_500_000);
        h.cgroup("machine.slice/machine-qemu\\x2d4\\x2dmyguest.example.scope", 1_000);
        h.cgroup("machine.slice/machine-qemu\\x2d12\\x2dweb.scope", 99);
        Files.createDirectories(h.cgroup.resolve("machine.slice/machine-qemu\\x2d3\\x2dweb\\x2d1.scope/libvirt/vcpu0"));
        try (CpuWatch w = CpuWatch.of(List.of("kvm-scope:web-1", "kvm-scope:my_guest..example"), h.host())) {
            assertEquals("kvm-scope-web-1", w.sources().get(0).name());
            assertEquals(7_500_000_000L, w.sources().get(0).cpuNanos());
            assertEquals(1_000_000L, w.sources().get(1).cpuNanos());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CpuWatch.of(List.of("kvm-scope:mail"), h.host()));
        assertTrue(e.getMessage().startsWith("--cpu kvm-scope:mail: no scope of guest mail in "), e.getMessage());
    }

    @Test
    void libvirtsMachineNamesAndSystemdsEscapes() {
        assertEquals("qemu-3-web-1", LibvirtGuests.unescape("qemu\\x2d3\\x2dweb\\x2d1"));
        assertEquals("qemu-1-ab.c-d", LibvirtGuests.machineName("qemu-1-", "-a_b..c--d-"));
        assertEquals(64, LibvirtGuests.machineName("qemu-1-", "x".repeat(100)).length());
        assertEquals("db,1", LibvirtGuests.qemuName(List.of("qemu", "-name", "guest=db,,1,debug-threads=on")));
        assertEquals("plain", LibvirtGuests.qemuName(List.of("qemu", "-name", "plain,process=qemu:plain")));
        assertNull(LibvirtGuests.qemuName(List.of("qemu", "-name")));
    }
}
