package org.vnetlab.sim.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.vnetlab.config.Version;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.Job;
import org.vnetlab.sim.experiment.RunPool;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;

/**
 * Runs every simulation a dataset's checks need (all of them in one batch, in parallel through
 * the {@link Evaluator}) and judges each check. The runs depend only on the dataset, the
 * scenarios' configuration and the effort, never on the model parameters, and each run's seed
 * only on its coordinates: evaluating two parameter sets uses common random numbers.
 */
public final class Validator {

    private final Evaluator evaluator;

    public Validator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The runs a dataset needs, per scenario configuration. */
    public static Map<ScenarioRef, List<RunSpec>> plan(Dataset dataset, ScenarioSet scenarios, Effort effort) {
        Map<ScenarioRef, Need> needs = new LinkedHashMap<>();
        for (Check c : dataset.checks()) {
            for (Series s : c.needs()) {
                needs.computeIfAbsent(s.scenario(), r -> new Need()).add(s, c);
            }
        }
        Map<ScenarioRef, List<RunSpec>> plan = new LinkedHashMap<>();
        needs.forEach((ref, need) -> plan.put(ref,
                Experiment.plan(scenarios.scenarios().get(ref), need.options(dataset.effort(ref, effort)))));
        return plan;
    }

    /** How many runs one evaluation makes. */
    public static int runs(Map<ScenarioRef, List<RunSpec>> plan) {
        return plan.values().stream().mapToInt(List::size).sum();
    }

    public Validation validate(Dataset dataset, ScenarioSet scenarios, Map<ScenarioRef, List<RunSpec>> plan,
                               RunPool.Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        List<Job> jobs = new ArrayList<>();
        List<ScenarioRef> owners = new ArrayList<>();
        plan.forEach((ref, specs) -> specs.forEach(spec -> {
            jobs.add(new Job(scenarios.scenarios().get(ref), spec));
            owners.add(ref);
        }));
        List<RunResult> results = evaluator.evaluate(jobs, progress, cancelled);
        Map<ScenarioRef, List<RunResult>> byRef = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            byRef.computeIfAbsent(owners.get(i), r -> new ArrayList<>()).add(results.get(i));
        }
        Map<ScenarioRef, Result> aggregated = new LinkedHashMap<>();
        byRef.forEach((ref, runs) -> {
            Scenario s = scenarios.scenarios().get(ref);
            aggregated.put(ref, Experiment.aggregate(s, Version.current(), "candidate", runs));
        });
        Simulated sim = new Simulated(scenarios.scenarios(), aggregated);
        return new Validation(dataset, dataset.checks().stream().map(c -> KnownConflicts.mark(c.judge(sim))).toList());
    }

    /** What one scenario configuration must be simulated for. */
    private static final class Need {
        private final Set<IpVersion> protocols = new TreeSet<>();
        private final Set<Transport> transports = new LinkedHashSet<>();
        private final Set<Integer> sizes = new TreeSet<>();
        private boolean everySize;

        void add(Series s, Check c) {
            protocols.add(IpVersion.fromKey(s.protocol()));
            if (s.transport() != null) {
                Transport t = Transport.fromKey(s.transport());
                transports.add(t);
                if (t == Transport.UDP) {
                    if (c.sweeps() || !(c instanceof Check.Target target) || target.payload() == null) {
                        everySize = true;
                    } else {
                        sizes.add(target.payload());
                    }
                }
            }
        }

        SimOptions options(Effort effort) {
            List<Transport> ts = transports.isEmpty() ? List.of(Transport.UDP)
                    : transports.stream().sorted().toList();
            return new SimOptions(List.copyOf(protocols), ts, everySize || sizes.isEmpty() ? null : List.copyOf(sizes),
                    effort.trials(), effort.durationNanos(), effort.fidelity());
        }
    }
}
