package org.vnetlab.sim.experiment;

import java.util.List;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.SimTime;

/** One UDP receive run of a bundled scenario with one key set, for tests that compare placements. */
final class ReceiveRun {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private ReceiveRun() {
    }

    /** Receives {@code payload}-byte datagrams over IPv4 for {@code millis} of simulated time. */
    static RunResult of(String scenario, String set, int payload, long millis) {
        return of(scenario, set, payload, millis, 0);
    }

    /** The same as trial {@code trial} (its own seed). */
    static RunResult of(String scenario, String set, int payload, long millis, int trial) {
        Scenario s = LOADER.load(scenario, List.of(set)).scenario();
        return Experiment.run(s, new RunSpec(Transport.UDP, IpVersion.IPV4, payload, Direction.RX, trial,
                SimTime.millis(millis)));
    }
}
