package org.vnetlab.sim.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.RunPool;
import org.vnetlab.sim.experiment.SimOptions;

/** Test datasets the simulator writes itself: short runs, one trial. */
public final class Simulations {

    public static final ScenarioLoader LOADER = new ScenarioLoader();
    public static final Effort SHORT = new Effort(1, 500_000_000L);

    private Simulations() {
    }

    /** Simulates a scenario (with --set overrides) at a few payloads and writes the result file. */
    public static Path write(Path dir, String file, String scenario, List<String> sets, List<IpVersion> protocols,
                             List<Integer> sizes) throws IOException, InterruptedException {
        Scenario s = LOADER.load(scenario, sets).scenario();
        SimOptions o = new SimOptions(protocols, List.of(Transport.UDP), sizes, SHORT.trials(), SHORT.durationNanos());
        Result r;
        try (RunPool pool = RunPool.allCores()) {
            r = Experiment.aggregate(s, Version.current(), "test", pool.runAll(s, Experiment.plan(s, o), (d, t) -> { },
                    () -> false));
        }
        Path p = dir.resolve(file);
        Files.writeString(p, ResultJson.write(r));
        return p;
    }
}
