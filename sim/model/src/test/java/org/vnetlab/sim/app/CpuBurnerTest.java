package org.vnetlab.sim.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.HostCpu;
import org.vnetlab.sim.cpu.LinuxScheduler;
import org.vnetlab.sim.kernel.Kernel;

/** A burner alone on a CPU uses the share of it its load asks for. */
class CpuBurnerTest {

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.05, 0.25, 0.55, 1.0})
    void aBurnerAloneUsesItsLoad(double load) {
        Kernel kernel = new Kernel();
        Domain host = new Domain("host");
        HostCpu cpu = new HostCpu(kernel, "cpu0", 1.0, host);
        LinuxScheduler linux = new LinuxScheduler(kernel, "host", List.of(cpu), host,
                new LinuxScheduler.Settings(250, 0, 400_000, 300, 10, 0));
        cpu.powerOn();
        linux.start();
        Domain guest = new Domain("guest");
        CpuBurner burner = new CpuBurner("burner", guest, kernel, load);
        linux.spawn(burner);
        burner.start(0);

        kernel.runUntil(SECOND);
        cpu.account();

        assertEquals(load, guest.busyNanos() / (double) SECOND, 0.0005 + load * 0.01);
    }
}
