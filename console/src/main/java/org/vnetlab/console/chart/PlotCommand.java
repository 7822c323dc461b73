package org.vnetlab.console.chart;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.results.Metric;
import org.vnetlab.console.results.ResultFiles;
import org.vnetlab.console.results.ResultSeries;
import org.vnetlab.console.results.Series;
import org.vnetlab.console.session.Session;
import org.vnetlab.core.result.Result;

/** {@code plot [--metric throughput|cpu] [FILE.json]}: a terminal chart of a result against payload size. */
public final class PlotCommand implements Command {

    static final Option METRIC = Option.value("--metric", "throughput|cpu", "what to draw against payload size",
            Metric.THROUGHPUT.key());

    private final Session session;

    public PlotCommand(Session session) {
        this.session = session;
    }

    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String arguments() {
        return "[FILE.json]";
    }

    @Override
    public String summary() {
        return "chart a result in the terminal: throughput or CPU load against payload (default: the last result)";
    }

    @Override
    public List<Option> options() {
        return List.of(METRIC);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        Metric metric = args.value(METRIC.name(), Metric::fromKey, "expected throughput or cpu")
                .orElse(Metric.THROUGHPUT);
        Optional<String> file = args.optional("result file");
        Result result = file.map(f -> ResultFiles.read(name(), Path.of(f)))
                .or(session::lastResult)
                .orElseThrow(() -> new UsageError("plot: no result yet: give a FILE.json, or run sim in the console first"));
        List<Series> series = ResultSeries.of(result, metric);
        if (series.isEmpty()) {
            throw new UsageError("plot: the result of " + result.scenario() + " has no " + metric.key()
                    + " values against payload" + (metric == Metric.THROUGHPUT ? " (try --metric cpu)" : ""));
        }
        String title = metric.axis().replaceAll(" \\(.*", "") + " against payload: " + result.mode() + " "
                + result.scenario() + ", seed " + result.seed();
        io.out().print(new TerminalChart(io.width(), io.unicode()).render(title, "payload (bytes)", metric.axis(), series));
        return 0;
    }
}
