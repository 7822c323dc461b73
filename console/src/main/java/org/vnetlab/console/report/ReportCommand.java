package org.vnetlab.console.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.console.cli.OutputPaths;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.results.ResultFiles;
import org.vnetlab.console.session.Session;
import org.vnetlab.core.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report [RESULT.json...] [--out DIR]}: the study's figures and tables as an HTML page with PNG and SVG. */
@Command(name = "report",
        description = "write an HTML report with PNG/SVG figures and the study's tables (default: the last result)")
public final class ReportCommand implements org.vnetlab.console.cli.Command {

    public static final String DEFAULT_DIR = "vnetlab-report";

    private final Session session;

    @Parameters(paramLabel = "RESULT.json", arity = "0..*", description = "result files (default: the console's last result)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "directory to write index.html and the figures into (default: ${DEFAULT-VALUE})")
    Path out = Path.of(DEFAULT_DIR);

    public ReportCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run(Terminal io) throws Exception {
        List<Report.Source> sources = new ArrayList<>();
        for (Path file : files) {
            sources.add(new Report.Source(ResultFiles.read("report", file), file.toString()));
        }
        if (sources.isEmpty()) {
            Result last = session.lastResult().orElseThrow(() -> new UsageError(
                    "report: no result yet: give RESULT.json files, or run sim in the console first"));
            sources.add(new Report.Source(last, "the console session"));
        }
        for (Report.Source s : sources) {
            if (!List.of("sim", "emulate", "measure").contains(s.result().mode())) {
                throw new UsageError("report: " + s.name() + ": mode '" + s.result().mode()
                        + "' is not sim, emulate or measure");
            }
        }
        // after the inputs are read: a bad one leaves no directory behind
        OutputPaths.checkDirectory("report", "--out", out);
        Path index = new Report(session.loader(), ReferenceDataset.study()).write(sources, out);
        io.out().println(index.toAbsolutePath().normalize());
        return 0;
    }
}
