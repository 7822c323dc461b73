package org.vnetlab.console.chart;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/**
 * {@code plot [--metric throughput|cpu] [--direction rx|tx|all] [FILE.json]}: a terminal chart of
 * a result against payload size. Like the study, it shows received (rx) values by default.
 */
public final class PlotCommand implements Command {

    static final Option METRIC = Option.value("--metric", "throughput|cpu", "what to draw against payload size",
            Metric.THROUGHPUT.key());

    static final Option DIRECTION = Option.value("--direction", "rx|tx|all",
            "which direction's values (machine 1's side); rx falls back to all when the result has none", "rx");

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
        return List.of(METRIC, DIRECTION);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        Metric metric = args.value(METRIC.name(), Metric::fromKey, "expected throughput or cpu")
                .orElse(Metric.THROUGHPUT);
        Optional<String> file = args.optional("result file");
        Result result = file.map(f -> ResultFiles.read(name(), Path.of(f)))
                .or(session::lastResult)
                .orElseThrow(() -> new UsageError("plot: no result yet: give a FILE.json, or run sim in the console first"));
        String direction = args.value(DIRECTION.name()).orElse("rx");
        if (!List.of("rx", "tx", "all").contains(direction)) {
            throw new UsageError("plot: --direction " + direction + ": expected rx, tx or all");
        }
        boolean has = result.points().stream().anyMatch(p -> p.direction().equals(direction));
        if (!has && args.has(DIRECTION.name()) && !direction.equals("all")) {
            throw new UsageError("plot: the result of " + result.scenario() + " has no " + direction + " values");
        }
        Predicate<Point> keep = p -> !has || p.direction().equals(direction);
        List<Series> series = metric == Metric.THROUGHPUT ? ResultSeries.throughput(result, keep)
                : ResultSeries.cpu(result, keep);
        if (series.isEmpty()) {
            throw new UsageError("plot: the result of " + result.scenario() + " has no " + metric.key()
                    + " values against payload" + (metric == Metric.THROUGHPUT ? " (try --metric cpu)" : ""));
        }
        String title = metric.axis().replaceAll(" \\(.*", "") + " against payload" + (has ? ", " + direction : "")
                + ": " + result.mode() + " " + result.scenario() + ", seed " + result.seed();
        io.out().print(new TerminalChart(io.width(), io.unicode()).render(title, "payload (bytes)", metric.axis(), series));
        return 0;
    }
}
