package org.vnetlab.console.chart;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.results.Metric;
import org.vnetlab.console.results.ResultFiles;
import org.vnetlab.console.results.ResultSeries;
import org.vnetlab.console.results.Series;
import org.vnetlab.console.session.Session;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plot [--metric throughput|cpu] [--direction rx|tx|all] [FILE.json]}: a terminal chart of
 * a result against payload size. Like the study, it shows received (rx) values by default.
 */
@Command(name = "plot",
        description = "chart a result in the terminal: throughput or CPU load against payload (default: the last result)")
public final class PlotCommand implements org.vnetlab.console.cli.Command {

    /** Which direction's values a chart shows. */
    public enum Direction {
        RX, TX, ALL;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Session session;

    @Parameters(paramLabel = "FILE.json", arity = "0..1", description = "a result file (default: the console's last result)")
    Path file;

    @Option(names = "--metric", paramLabel = "throughput|cpu",
            description = "what to draw against payload size (default: ${DEFAULT-VALUE})")
    Metric metric = Metric.THROUGHPUT;

    @Option(names = "--direction", paramLabel = "rx|tx|all", description = "which direction's values (machine 1's"
            + " side) (default: rx, or all when the result has no rx values)")
    Direction direction;

    public PlotCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run(Terminal io) {
        Result result = Optional.ofNullable(file).map(f -> ResultFiles.read("plot", f))
                .or(session::lastResult)
                .orElseThrow(() -> new UsageError("plot: no result yet: give a FILE.json, or run sim in the console first"));
        boolean asked = this.direction != null;
        String direction = (asked ? this.direction : Direction.RX).toString();
        boolean has = result.points().stream().anyMatch(p -> p.direction().equals(direction));
        if (!has && asked && !direction.equals("all")) {
            throw new UsageError("plot: the result of " + result.scenario() + " has no " + direction + " values");
        }
        Predicate<Point> keep = p -> !has || p.direction().equals(direction);
        List<Series> series = metric == Metric.THROUGHPUT ? ResultSeries.throughput(result, keep)
                : ResultSeries.cpu(result, keep);
        if (series.isEmpty()) {
            boolean cpu = metric == Metric.THROUGHPUT && !ResultSeries.cpu(result, keep).isEmpty();
            boolean rtt = result.points().stream().anyMatch(p -> p.rttMs() != null);
            throw new UsageError("plot: the result of " + result.scenario() + " has no " + metric.key()
                    + " values against payload" + (cpu ? " (try --metric cpu)"
                    : rtt ? " (an RTT result: plot draws throughput and CPU against payload, not RTT)" : ""));
        }
        String title = metric.axis().replaceAll(" \\(.*", "") + " against payload" + (has ? ", " + direction : "")
                + ": " + result.mode() + " " + result.scenario()
                + (result.mode().equals("measure") ? "" : ", seed " + result.seed())
                + (result.made() == null ? "" : " (" + result.made().describe() + "; parameters " + result.parameters()
                        + "; vnetlab " + result.version() + ")");
        io.out().print(new TerminalChart(io.width(), io.unicode()).render(title, "payload (bytes)", metric.axis(), series));
        return 0;
    }
}
