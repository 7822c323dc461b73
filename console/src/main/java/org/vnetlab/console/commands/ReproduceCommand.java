package org.vnetlab.console.commands;

import java.util.List;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;

/** Re-runs the study: every bundled experiment. Until the simulator lands it lists the plan. */
public final class ReproduceCommand implements Command {

    private final ScenarioLoader loader;

    public ReproduceCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "reproduce";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "re-run the study's experiments (CESNET TR 3/2008) and compare with its published values";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        io.out().println("The study's experiments:");
        for (String name : loader.catalog().names()) {
            LoadedScenario s = loader.load(name, List.of());
            io.out().printf("  %-15s %-8s guests %-14s workloads %s%n", name, s.scenario().platform().kind(),
                    String.join(",", s.scenario().platform().guestNames()),
                    String.join(",", s.scenario().workloads().stream().map(w -> w.type() + "@" + w.guest()).toList()));
        }
        return 0;
    }
}
