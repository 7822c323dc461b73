package org.vnetlab.console.checkmodel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.testbed.ContainerTestbed;
import org.vnetlab.sim.calibrate.Calibration;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.validate.Effort;

/**
 * The loop on this machine: containers on a bridge as the testbed ({@link ContainerTestbed}),
 * measured with vnetlab's own server and client ({@link LiveRuns}) for some configurations; the
 * container model's costs fitted to them ({@link ModelLoop}); configurations the fit did not see
 * predicted (payloads held out of the fit, measured in the same trials as the fitted ones; pair
 * counts measured after the fit); measured against predicted per point. The prediction passes when
 * every predicted point lies within {@value #BOUND_SPREADS} times the measurements' median spread
 * of what was measured: the half range of a handful of trials is about one standard deviation of
 * a run, so a prediction further off than three of them is off by more than the machine's own
 * noise.
 */
public final class CheckModel {

    static final int BOUND_SPREADS = 3;

    private final ScenarioLoader loader;
    private final PrintStream out;
    private final BooleanSupplier cancelled;

    public CheckModel(ScenarioLoader loader, PrintStream out, BooleanSupplier cancelled) {
        this.loader = loader;
        this.out = out;
        this.cancelled = cancelled;
    }

    /**
     * What to measure: the configurations fitted to (every pair count of {@code fitPairs} at every
     * payload of {@code fitPayloads}), and those predicted: the fitted pair counts at
     * {@code predictPayloads} (measured with the fitted payloads, held out of the fit), and
     * {@code predictPairs} (if any) at every payload (measured after the fit).
     */
    public record Plan(List<Integer> fitPairs, List<Integer> fitPayloads, List<Integer> predictPairs,
                       List<Integer> predictPayloads) {

        public Plan {
            fitPairs = List.copyOf(fitPairs);
            fitPayloads = List.copyOf(fitPayloads);
            predictPairs = List.copyOf(predictPairs);
            predictPayloads = List.copyOf(predictPayloads);
        }

        /** The containers the testbed needs: the most pairs of any configuration. */
        public int containers() {
            return java.util.stream.Stream.concat(fitPairs.stream(), predictPairs.stream()).mapToInt(Integer::intValue)
                    .max().orElse(1);
        }

        List<Integer> allPayloads() {
            List<Integer> all = new ArrayList<>(fitPayloads);
            predictPayloads.stream().filter(p -> !all.contains(p)).forEach(all::add);
            return all;
        }
    }

    /** Runs the loop; whether every prediction lay within the bound. The testbed is gone when it returns. */
    public boolean run(String name, Plan plan, DataRate rate, int seconds, int trials, Effort effort,
                       int maxEvaluations, Path work) throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        printf("check-model: %d containers on a bridge with a peer (namespaces %sh, %sp, %sc1..%d), %d CPUs,"
                + " files in %s%n", plan.containers(), name, name, name, plan.containers(), cpus, work);
        try (ContainerTestbed bed = ContainerTestbed.up(name, plan.containers());
             PoolEvaluator evaluator = PoolEvaluator.allCores()) {
            LiveRuns live = new LiveRuns(bed, work, rate, seconds, trials);
            printf("starting a measure server in each container ...%n");
            live.startServers();
            List<Measured> fitted = new ArrayList<>();
            List<Measured> unseen = new ArrayList<>();
            for (int pairs : plan.fitPairs()) {
                for (Measured m : measure(live, pairs, plan.allPayloads(), seconds)) {
                    (plan.fitPayloads().contains(m.payload()) ? fitted : unseen).add(m);
                }
            }
            if (!plan.predictPayloads().isEmpty()) {
                printf("(%s B are held out: measured in the same trials as the fitted payloads, so the machine's"
                        + " drift meets both alike, and never given to the fit)%n",
                        plan.predictPayloads().toString().replaceAll("[\\[\\] ]", ""));
            }
            ModelLoop model = new ModelLoop(loader, evaluator, effort, cpus, rate, cancelled);
            Measured anchor = fitted.get(0);
            printf("%nscaling the model's CPU speed to %d pair(s) at %d B with the default costs ...%n",
                    anchor.pairs(), anchor.payload());
            model.scaleSpeed(anchor);
            printf("host.cpu-speed = %.4f (this machine's CPUs for this work, the study's Opteron = 1)%n",
                    model.speed());
            var dataset = model.dataset(fitted);
            printf("%nfitting %s to %d targets (each container's median, within its own spread) ...%n",
                    String.join(", ", ModelLoop.FIT), dataset.checks().size());
            printf("%5s  %14s  %s%n", "eval", "sum of squares", "values");
            Calibration.Fit fit = model.fit(dataset, maxEvaluations, (n, values, sos) -> {
                StringBuilder sb = new StringBuilder();
                values.forEach((k, v) -> sb.append(' ').append(k.substring(k.lastIndexOf('.') + 1)).append('=')
                        .append(String.format(Locale.ROOT, "%.4g", v)));
                printf("%5d  %14.6g %s%n", n, sos, sb);
            });
            printf("fitted (sum of squared residuals %.4g, from %.4g):%n", fit.atFit().sumOfSquares(),
                    fit.atStart().sumOfSquares());
            for (String k : fit.keys()) {
                printf("  model.%-40s %10.4g -> %10.4g%n", k, fit.start().get(k), fit.fitted().get(k));
            }
            fit.atRangeEdge().forEach(k -> printf("  note: model.%s ended at the edge of its valid range%n", k));
            for (int pairs : plan.predictPairs()) {
                unseen.addAll(measure(live, pairs, plan.allPayloads(), seconds));
            }
            printf("%nsimulating every configuration with the fitted costs ...%n");
            List<Measured> all = new ArrayList<>(fitted);
            all.addAll(unseen);
            return report(all, fitted.size(), model.predict(all, fit.fitted()));
        } finally {
            printf("testbed %s removed (its namespaces and every process in them)%n", name);
        }
    }

    private List<Measured> measure(LiveRuns live, int pairs, List<Integer> payloads, int seconds) throws Exception {
        printf("%nmeasuring %d pair(s): UDP of %s B from each container to the peer at once, %d trial(s) of %d s"
                + " each ...%n", pairs, payloads.toString().replaceAll("[\\[\\] ]", ""), live.trials(), seconds);
        List<Measured> ms = live.measure(pairs, payloads);
        printf("%6s  %9s  %12s  %8s  %-24s  %s%n", "pairs", "payload B", "Mbit/s (sum)", "spread", "trials (sum)",
                "CPU % of each container");
        for (Measured m : ms) {
            StringBuilder t = new StringBuilder();
            for (double s : m.sums()) {
                t.append(String.format(Locale.ROOT, " %.1f", s));
            }
            StringBuilder cpu = new StringBuilder();
            for (double c : m.cpuByContainer()) {
                cpu.append(' ').append(percent(c));
            }
            printf("%6d  %9d  %12.1f  %7.1f%%  %-24s  %s%n", m.pairs(), m.payload(), m.total(), 100 * m.spread(),
                    t.toString().trim(), cpu.toString().trim());
        }
        return ms;
    }

    /** Measured against predicted per point; whether every point not fitted lies within the bound. */
    private boolean report(List<Measured> all, int fittedCount, List<Predicted> predicted) {
        double[] spreads = all.stream().mapToDouble(Measured::spread).toArray();
        double bound = Math.max(ModelLoop.MIN_TOLERANCE, BOUND_SPREADS * Stats.median(spreads));
        printf("%nmeasured against predicted (throughput: sum over the containers, Mbit/s; CPU: per container,"
                + " %% of one CPU, not part of the verdict):%n");
        printf("%6s  %9s  %9s  %8s  %9s  %8s  %8s  %8s  %8s  %s%n", "pairs", "payload B", "measured", "spread",
                "predicted", "error", "CPU meas", "CPU pred", "+softirq", "");
        int outside = 0;
        for (int i = 0; i < all.size(); i++) {
            Measured m = all.get(i);
            Predicted p = predicted.get(i);
            double error = (p.throughput() - m.total()) / m.total();
            String verdict;
            if (i < fittedCount) {
                verdict = "fitted";
            } else if (Math.abs(error) <= bound) {
                verdict = "predicted, within";
            } else {
                verdict = "predicted, OUTSIDE";
                outside++;
            }
            printf("%6d  %9d  %9.1f  %7.1f%%  %9.1f  %+7.1f%%  %8s  %8s  %8s  %s%n", m.pairs(), m.payload(),
                    m.total(), 100 * m.spread(), p.throughput(), 100 * error, percent(m.cpuPerContainer()),
                    percent(p.cpuPerContainer()), percent(p.softirqPerContainer()), verdict);
        }
        int predictions = all.size() - fittedCount;
        printf("bound: %d x the median spread of the measurements (%.1f %%) = %.1f %%%n", BOUND_SPREADS,
                100 * Stats.median(spreads), 100 * bound);
        if (outside == 0) {
            printf("result: all %d predictions within %.1f %% of what was measured%n", predictions, 100 * bound);
        } else {
            printf("result: %d of %d predictions outside %.1f %% of what was measured%n", outside, predictions,
                    100 * bound);
        }
        return outside == 0;
    }

    /** A CPU figure in percent of one CPU; "-" when none was sampled. */
    private static String percent(double cpu) {
        return Double.isNaN(cpu) ? "-" : String.format(Locale.ROOT, "%.1f", cpu);
    }

    private void printf(String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
        out.flush();
    }
}
