package org.vnetlab.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunSpec;

/**
 * Jobs as text: every bundled scenario, and a copy with other model parameters (as calibration
 * makes them), ships as text a worker loads back to the same scenario and the same run.
 */
class ScenarioTextsTest {

    static final RunSpec RUN = new RunSpec(Transport.UDP, IpVersion.IPV4, 1470, Direction.RX, 0, SimTime.seconds(0.002));

    @Test
    void everyBundledScenarioAndItsRecalibratedCopyShipAsTextThatMakesTheSameRun() {
        for (String name : SweepTest.LOADER.catalog().names()) {
            LoadedScenario loaded = SweepTest.LOADER.load(name, List.of());
            Scenario s = loaded.scenario();
            String key = s.parameters().values().firstKey();
            Scenario other = new Scenario(s.name(), s.description(), s.host(), s.peer(), s.link(), s.platform(),
                    s.workloads(), s.method(), s.parameters().with(Map.of(key, s.parameters().get(key) * 1.0123456789)));
            try (ScenarioTexts texts = new ScenarioTexts(SweepTest.LOADER)) {
                texts.add(SweepTest.LOADER.load(name, List.of()));
                SweepJob job = texts.job(List.of(new Job(s, RUN), new Job(other, RUN), new Job(s, RUN)), Work.SIMULATE);
                assertEquals(1, job.scenarioTexts().size(), name);
                assertEquals(List.of(), job.items().get(0).overrides(), name);
                assertEquals(List.of("model." + key + "=" + other.parameters().get(key)), job.items().get(1).overrides(),
                        name);
                assertEquals(List.of(0, 1, 2), job.items().stream().map(WorkItem::index).toList());
                try (RunEvaluator worker = new RunEvaluator(SweepTest.LOADER, job)) {
                    assertEquals(Experiment.run(other, RUN), worker.evaluate(job.items().get(1)), name);
                }
            }
        }
    }

    @Test
    void aScenarioWithoutKnownTextIsRefused() {
        try (ScenarioTexts texts = new ScenarioTexts(SweepTest.LOADER)) {
            texts.add(SweepTest.LOADER.load("native", List.of()));
            Scenario xen = SweepTest.LOADER.load("xen-single", List.of()).scenario();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> texts.job(List.of(new Job(xen, RUN)), Work.SIMULATE));
            assertTrue(e.getMessage().contains("xen-single"), e.getMessage());
        }
    }
}
