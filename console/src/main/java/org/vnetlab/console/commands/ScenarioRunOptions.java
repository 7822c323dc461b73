package org.vnetlab.console.commands;

import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * The options of every command that simulates a scenario's points, in the order their help lists
 * them: what to simulate of it, its seed, its overrides.
 */
class ScenarioRunOptions {

    @Mixin
    RunOptions run;

    @Mixin
    SeedOption seed;

    @Mixin
    ScenarioOptions scenarioOptions;

    /** The scenario's overrides, the seed's among them. */
    List<String> sets() {
        return seed.with(scenarioOptions.sets());
    }
}
