package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.units.SimTime;

/** The same scenario and seed give the same bytes, on any number of cores; another seed does not. */
class DeterminismTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private static String json(String scenario, List<String> sets, int cores) throws InterruptedException {
        Scenario s = LOADER.load(scenario, sets).scenario();
        SimOptions o = new SimOptions(List.of(IpVersion.IPV4, IpVersion.IPV6), List.of(Transport.UDP, Transport.TCP),
                List.of(60, 1000), 3, SimTime.millis(200));
        try (RunPool pool = new RunPool(cores)) {
            return ResultJson.write(Experiment.aggregate(s, "test", "defaults",
                    pool.runAll(s, Experiment.plan(s, o), (d, t) -> { }, () -> false)));
        }
    }

    @Test
    void sameSeedSameBytesOnOneOrTwoCores() throws InterruptedException {
        String one = json("xen-double", List.of(), 1);
        assertEquals(one, json("xen-double", List.of(), 2));
        assertEquals(one, json("xen-double", List.of(), 1));
    }

    @Test
    void anotherSeedGivesOtherTrials() throws InterruptedException {
        assertNotEquals(json("xen-burned", List.of("method.seed=1"), 2), json("xen-burned", List.of("method.seed=2"), 2));
    }
}
