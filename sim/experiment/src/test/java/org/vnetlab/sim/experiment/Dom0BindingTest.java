package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.metrics.Stats;

/**
 * Where Dom0's receive work runs when something (an IRQ balancer, {@code smp_affinity}) moves the
 * guests' event channels to Dom0's second VCPU: netback's receive tasklet runs on the CPU that
 * scheduled it, and the bridge schedules it for every frame it admits from the NIC's poll, so the
 * grant copy stays with the NIC's interrupt. Only the transmit tasklet and the upcalls of the
 * guests' events (their cost, and the restarts of stopped queues they make) follow them, onto a
 * VCPU the copy does not keep busy: the two guests receive no slower than with every binding on
 * VCPU 0.
 */
class Dom0BindingTest {

    /**
     * Both DomUs' throughput in Mbit/s receiving 36 B datagrams for 2 s, the median of three
     * trials: one seed's figure moves by a few per cent with the two guests' timing.
     */
    private static double doubleReceive(int netbackVcpu) {
        double[] sums = new double[3];
        for (int trial = 0; trial < sums.length; trial++) {
            RunResult r = ReceiveRun.of("xen-double", "model.xen.dom0.netback-vcpu=" + netbackVcpu, 36, 2000, trial);
            sums[trial] = r.throughputMbps().get("domU1") + r.throughputMbps().get("domU2");
        }
        return Stats.median(sums);
    }

    @Test
    void movingTheGuestsEventChannelsLeavesTheReceiveCopyWithTheNic() {
        double vcpu0 = doubleReceive(0);
        double balanced = doubleReceive(1);
        assertTrue(balanced >= 0.97 * vcpu0, "event channels on VCPU 1: " + balanced
                + " Mbit/s; everything on VCPU 0: " + vcpu0);
    }

    @Test
    void theBindingsNameOneOfDom0sVcpusOrTheScenarioIsRefusedAsItIsRead() {
        ScenarioLoader loader = new ScenarioLoader();
        String m = assertThrows(ConfigError.class, () -> loader.load("xen-single",
                List.of("model.xen.dom0.netback-vcpu=2"))).getMessage();
        assertTrue(m.contains("model.xen.dom0.netback-vcpu: must be one of Dom0's VCPUs, 0 to 1") && m.contains("got 2")
                && !m.contains("\n"), m);
        m = assertThrows(ConfigError.class, () -> loader.load("xen-double",
                List.of("model.xen.dom0.nic-vcpu=0.5"))).getMessage();
        assertTrue(m.contains("model.xen.dom0.nic-vcpu") && m.contains("got 0.5"), m);
        loader.load("xen-single", List.of("xen.dom0.vcpus=4", "model.xen.dom0.nic-vcpu=3"));
    }
}
