package org.vnetlab.console.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.report.Report;
import org.vnetlab.console.report.ReportCommand;

/**
 * Re-runs the study: every bundled experiment, then writes the report beside the study's values
 * and prints its path. Until the simulator lands it lists the plan and the report holds the
 * published values only.
 */
public final class ReproduceCommand implements Command {

    static final Option OUT = Option.value("--out", "DIR", "directory for the report (index.html, PNG and SVG figures)",
            ReportCommand.DEFAULT_DIR);

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
        return List.of(OUT);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws IOException {
        io.out().println("The study's experiments:");
        for (String name : loader.catalog().names()) {
            LoadedScenario s = loader.load(name, List.of());
            io.out().printf("  %-15s %-8s guests %-14s workloads %s%n", name, s.scenario().platform().kind(),
                    String.join(",", s.scenario().platform().guestNames()),
                    String.join(",", s.scenario().workloads().stream().map(w -> w.type() + "@" + w.guest()).toList()));
        }
        // No simulated results until the simulator lands: the report holds the study's values only.
        Path index = new Report(loader, ReferenceDataset.study()).write(List.of(),
                args.path(OUT.name()).orElse(Path.of(ReportCommand.DEFAULT_DIR)));
        io.out().println("report: " + index.toAbsolutePath().normalize());
        return 0;
    }
}
