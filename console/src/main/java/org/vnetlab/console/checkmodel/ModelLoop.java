package org.vnetlab.console.checkmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.model.ContainerPlatform;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.calibrate.Calibration;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.validate.Check;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.Effort;
import org.vnetlab.sim.validate.Metric;
import org.vnetlab.sim.validate.ScenarioRef;
import org.vnetlab.sim.validate.ScenarioSet;
import org.vnetlab.sim.validate.Series;
import org.vnetlab.sim.validate.Tolerance;
import org.vnetlab.sim.validate.Validator;

/**
 * The model's side of the check: the container testbed of this machine as a scenario, the host's
 * speed scaled to one measured point, the container costs fitted with {@link Calibration} to the
 * measured configurations, and what the fitted model predicts for others.
 *
 * <p>The scenario is {@code container-single} with this machine's CPUs, as many containers as
 * pairs, each sending UDP to the peer ({@code udp.direction = tx}): the sender's own CPU then does
 * the container's stack, its veth, the second pass and the bridge, on the testbed as in the
 * model. The peer is a namespace of the same machine ({@code link.same-machine}): its receivers
 * take the same CPUs. The host's "NIC" is a veth pair without a line rate, so the link and NICs
 * are set far above what the CPUs carry (100 Gbit/s).
 */
final class ModelLoop {

    static final String BASE = "container-single";
    /** What the fit varies: the container's per-packet costs and the copy's per-byte cost. */
    static final List<String> FIT = List.of("cost.container.veth-per-packet-ns", "cost.container.backlog-per-packet-ns",
            "cost.container.bridge-per-packet-ns", "cost.socket.per-byte-ns");
    /** A throughput target is never held tighter than this, however close the trials lay. */
    static final double MIN_TOLERANCE = 0.02;
    private static final String NO_LINE_RATE = "\"100 Gbit/s\"";

    private final ScenarioLoader loader;
    private final Evaluator evaluator;
    private final Effort effort;
    private final int cpus;
    private final DataRate rate;
    private final BooleanSupplier cancelled;
    private double speed = 1;

    ModelLoop(ScenarioLoader loader, Evaluator evaluator, Effort effort, int cpus, DataRate rate,
              BooleanSupplier cancelled) {
        this.loader = loader;
        this.evaluator = evaluator;
        this.effort = effort;
        this.cpus = cpus;
        this.rate = rate;
        this.cancelled = cancelled;
    }

    double speed() {
        return speed;
    }

    /** The scenario of {@code pairs} containers on this machine at the current speed. */
    ScenarioRef scenario(int pairs) {
        String s = String.format(Locale.ROOT, "%.6f", speed);
        return ScenarioRef.of(BASE, "container.guests=" + pairs, "host.cpus=" + cpus, "host.cpu-speed=" + s,
                "link.rate=" + NO_LINE_RATE,
                "host.nic.rate=" + NO_LINE_RATE, "peer.nic.rate=" + NO_LINE_RATE,
                "udp.rate=\"" + rate.bitsPerSecond() + " bit/s\"", "udp.direction=tx", "link.same-machine=true");
    }

    /**
     * Scales the host's CPU speed (the peer's processes share its CPUs) so that the model with its default costs carries
     * what {@code anchor} measured: the CPUs of this machine against the study's Opteron for this
     * work. Two steps of the ratio, as throughput is nearly proportional to speed where the CPUs
     * are the limit.
     */
    void scaleSpeed(Measured anchor) throws InterruptedException {
        for (int step = 0; step < 2; step++) {
            double simulated = predict(List.of(anchor), Map.of()).get(0).throughput();
            speed *= anchor.total() / simulated;
        }
    }

    /** Every container's median of every measured configuration, as a target within its own spread. */
    Dataset dataset(List<Measured> measured) {
        List<Check> checks = new ArrayList<>();
        for (Measured m : measured) {
            ScenarioRef ref = scenario(m.pairs());
            for (int i = 0; i < m.pairs(); i++) {
                String guest = container(i + 1);
                checks.add(new Check.Target(String.format(Locale.ROOT, "%d pairs %d B %s Mbit/s", m.pairs(),
                        m.payload(), guest), new Series(ref, "udp", "ipv4", "tx", guest, Metric.THROUGHPUT),
                        m.payload(), m.median(i), Tolerance.relative(Math.max(MIN_TOLERANCE, m.spread(i)))));
            }
        }
        return new Dataset("measured on this machine", checks);
    }

    /** The model's name of container {@code i} (from 1), its CPU domain. */
    static String container(int i) {
        return "ct" + i;
    }

    Calibration.Fit fit(Dataset measured, int maxEvaluations, Calibration.Listener listener)
            throws InterruptedException {
        ScenarioSet scenarios = ScenarioSet.load(loader, measured, null);
        return new Calibration(new Validator(evaluator), measured, scenarios,
                Validator.plan(measured, scenarios, effort), (d, t) -> { }, cancelled)
                .fit(FIT, maxEvaluations, listener);
    }

    /**
     * What the model with {@code parameters} (names relative to {@code model.}; empty: the defaults)
     * gives for each configuration: its throughput and CPU, each the median over the effort's trials.
     */
    List<Predicted> predict(List<Measured> configurations, Map<String, Double> parameters) throws InterruptedException {
        List<Job> jobs = new ArrayList<>();
        int trials = effort.trials();
        for (Measured m : configurations) {
            Scenario s = loader.load(BASE, scenario(m.pairs()).sets()).scenario();
            Scenario fitted = new Scenario(s.name(), s.description(), s.host(), s.peer(), s.link(), s.platform(),
                    s.workloads(), s.method(), s.parameters().with(parameters));
            for (int t = 0; t < trials; t++) {
                jobs.add(new Job(fitted, new RunSpec(Transport.UDP, IpVersion.IPV4, m.payload(), Direction.TX, t,
                        effort.durationNanos())));
            }
        }
        List<RunResult> results = evaluator.evaluate(jobs, (d, t) -> { }, cancelled);
        List<Predicted> out = new ArrayList<>();
        for (int c = 0; c < configurations.size(); c++) {
            int pairs = configurations.get(c).pairs();
            double[] sums = new double[trials];
            double[] cpu = new double[trials];
            double[] softirq = new double[trials];
            for (int t = 0; t < trials; t++) {
                RunResult r = results.get(c * trials + t);
                sums[t] = r.throughputMbps().values().stream().mapToDouble(Double::doubleValue).sum();
                for (int i = 1; i <= pairs; i++) {
                    cpu[t] += cpuOf(r, container(i)) / pairs;
                }
                softirq[t] = cpuOf(r, ContainerPlatform.KERNEL) / pairs;
            }
            out.add(new Predicted(Stats.median(sums), Stats.median(cpu), Stats.median(softirq)));
        }
        return out;
    }

    private static double cpuOf(RunResult r, String domain) {
        Double cpu = r.cpuPercent() == null ? null : r.cpuPercent().get(domain);
        if (cpu == null) {
            throw new IllegalStateException("the model reported no CPU of domain " + domain + ": " + r.cpuPercent());
        }
        return cpu;
    }
}
