package org.vnetlab.console.checkmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.validate.Effort;

/** The model's side of check-model: each configuration's throughput and the CPU it books per container. */
class ModelLoopTest {

    private static Measured measured(int pairs, int payload) {
        double[][] trials = new double[pairs][];
        double[] cpu = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            trials[i] = new double[] {100};
            cpu[i] = Double.NaN;
        }
        return new Measured(pairs, payload, trials, cpu);
    }

    @Test
    void aPredictionCarriesTheContainersCpuAndTheHostsSoftirqPerContainer() throws Exception {
        try (PoolEvaluator evaluator = PoolEvaluator.allCores()) {
            ModelLoop model = new ModelLoop(new ScenarioLoader(), evaluator, new Effort(1, SimTime.millis(200)), 2,
                    DataRate.gbps(10), () -> false);
            List<Predicted> p = model.predict(List.of(measured(1, 64), measured(2, 64)), Map.of());
            for (Predicted one : p) {
                assertTrue(one.throughput() > 0, one.toString());
                // the sender's system calls and stack are the container's; bridge and backlog passes the host's
                assertTrue(one.cpuPerContainer() > 5 && one.cpuPerContainer() <= 100, one.toString());
                assertTrue(one.softirqPerContainer() > 1 && one.softirqPerContainer() <= 200, one.toString());
            }
            // the host's softirq is shared out over the containers: two senders do not double one's share
            assertNotEquals(p.get(0).softirqPerContainer(), p.get(1).softirqPerContainer());
            List<Predicted> dearer = model.predict(List.of(measured(1, 64)),
                    Map.of("cost.container.bridge-per-packet-ns", 5000.0));
            // a dearer bridge is the host's softirq work: more of it for each bit sent
            assertTrue(dearer.get(0).softirqPerContainer() / dearer.get(0).throughput()
                    > 2 * p.get(0).softirqPerContainer() / p.get(0).throughput(), dearer + " against " + p);
        }
    }

    @Test
    void aContainerWithoutSamplesLeavesTheMeanOfTheOthers() {
        Measured m = new Measured(3, 64, new double[][] {{1}, {2}, {3}}, new double[] {40, Double.NaN, 60});
        assertEquals(50, m.cpuPerContainer(), 1e-9);
        assertTrue(Double.isNaN(measured(2, 64).cpuPerContainer()));
    }
}
