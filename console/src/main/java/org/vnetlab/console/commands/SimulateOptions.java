package org.vnetlab.console.commands;

import java.util.Optional;
import java.util.stream.Stream;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.core.model.GuestMemory;
import org.vnetlab.core.model.PathRates;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.ShortRuns;
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
        notes(io, command, loaded.scenario());
        return loaded;
    }

    /** Says on stderr what the scenario asks that a real host or path would not give it. */
    static void notes(Terminal io, String command, Scenario s) {
        Stream.of(GuestMemory.shortfall(s), PathRates.mismatch(s)).flatMap(Optional::stream)
                .forEach(w -> note(io, command, w));
    }

    /**
     * Says on stderr, below the figures it is about, when runs of {@code durationNanos} (null:
     * the scenario's own) were too short to show a steady state.
     */
    static void shortRunsNote(Terminal io, String command, Scenario s, Long durationNanos) {
        ShortRuns.warning(s, durationNanos).ifPresent(w -> note(io, command, w));
    }

    private static void note(Terminal io, String command, String what) {
        io.err().println("vnetlab: " + command + ": note: " + what);
    }
}
