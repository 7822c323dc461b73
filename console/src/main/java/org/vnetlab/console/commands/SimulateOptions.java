package org.vnetlab.console.commands;

import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.model.GuestMemory;
import picocli.CommandLine.Mixin;

/**
 * The options sim and sweep share, in the order their help lists them: what to simulate of the
 * scenario, its seed, its overrides, and where the result goes.
 */
final class SimulateOptions extends ScenarioRunOptions {

    @Mixin
    OutputOptions output;

    /**
     * Checks the output files before any work starts, loads {@code scenario} with the overrides and
     * the seed, and warns on stderr when --sizes cannot apply or the guests' memory exceeds the
     * host's; {@code command} names the command in what it says.
     */
    LoadedScenario load(String command, ScenarioLoader loader, String scenario, Terminal io) {
        output.check(command);
        LoadedScenario loaded = loader.load(scenario, sets(), scenarioOptions.params());
        run.sizesWarning().ifPresent(w -> io.err().println("vnetlab: " + command + ": " + w));
        GuestMemory.shortfall(loaded.scenario()).ifPresent(w -> io.err().println("vnetlab: " + command + ": note: " + w));
        return loaded;
    }
}
