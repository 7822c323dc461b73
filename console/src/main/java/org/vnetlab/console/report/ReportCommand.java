package org.vnetlab.console.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.results.ResultFiles;
import org.vnetlab.console.session.Session;
import org.vnetlab.core.result.Result;

/** {@code report [RESULT.json...] [--out DIR]}: the study's figures and tables as an HTML page with PNG and SVG. */
public final class ReportCommand implements Command {

    public static final String DEFAULT_DIR = "vnetlab-report";
    static final Option OUT = Option.value("--out", "DIR", "directory to write index.html and the figures into",
            DEFAULT_DIR);

    private final Session session;

    public ReportCommand(Session session) {
        this.session = session;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String arguments() {
        return "[RESULT.json...]";
    }

    @Override
    public String summary() {
        return "write an HTML report with PNG/SVG figures and the study's tables (default: the last result)";
    }

    @Override
    public List<Option> options() {
        return List.of(OUT);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws Exception {
        List<Report.Source> sources = new ArrayList<>();
        for (String file : args.positional()) {
            sources.add(new Report.Source(ResultFiles.read(name(), Path.of(file)), file));
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
        Path dir = args.path(OUT.name()).orElse(Path.of(DEFAULT_DIR));
        Path index = new Report(session.loader(), ReferenceDataset.study()).write(sources, dir);
        io.out().println(index.toAbsolutePath().normalize());
        return 0;
    }
}
