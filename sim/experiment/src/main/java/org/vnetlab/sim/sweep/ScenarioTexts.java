package org.vnetlab.sim.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.sim.experiment.Job;

/**
 * The HOCON text behind the scenarios a command simulates, so that a batch of its {@link Job}s
 * can go to other machines as a {@link SweepJob}: text and keys, never objects. A job's scenario
 * is shipped as the text of the known scenario it is (a planner's candidate), or of the known
 * scenario it differs from in model parameters only (a calibration's candidate) with those
 * parameters as {@code model.KEY=VALUE} overrides.
 *
 * <p>Every text and its overrides are loaded here as a worker will load them, and must give the
 * job's scenario exactly; otherwise the batch is refused. So a batch evaluated from its texts
 * makes the runs this machine would make, byte for byte.
 */
public final class ScenarioTexts implements AutoCloseable {

    private final ScenarioLoader loader;
    private final List<LoadedScenario> known = new ArrayList<>();
    private final Map<LoadedScenario, String> rendered = new IdentityHashMap<>();
    private final Map<String, ScenarioCache> loaded = new HashMap<>();

    public ScenarioTexts(ScenarioLoader loader) {
        this.loader = loader;
    }

    /** A scenario whose jobs (or copies of it with other model parameters) may be shipped. */
    public synchronized void add(LoadedScenario scenario) {
        known.add(scenario);
    }

    /**
     * The jobs as a sweep job: item {@code i} is job {@code i}.
     *
     * @throws IllegalStateException for a job whose scenario has no known text, or whose text
     *                               does not load back to it
     */
    public synchronized SweepJob job(List<Job> jobs, Work work) {
        Map<Scenario, Shipped> shipped = new IdentityHashMap<>();
        List<String> texts = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        List<WorkItem> items = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            Shipped s = shipped.computeIfAbsent(j.scenario(), this::ship);
            int text = position.computeIfAbsent(s.text(), t -> {
                texts.add(t);
                return texts.size() - 1;
            });
            items.add(new WorkItem(i, text, s.overrides(), j.spec()));
        }
        return new SweepJob(texts, work, items);
    }

    private record Shipped(String text, List<String> overrides) {
    }

    private Shipped ship(Scenario s) {
        for (LoadedScenario k : known) {
            if (k.scenario() == s) {
                return checked(s, new Shipped(text(k), List.of()));
            }
        }
        for (LoadedScenario k : known) {
            Scenario same = k.scenario();
            Scenario withItsParameters = new Scenario(same.name(), same.description(), same.host(), same.peer(),
                    same.link(), same.platform(), same.workloads(), same.method(), s.parameters());
            if (withItsParameters.equals(s)) {
                List<String> overrides = new ArrayList<>();
                s.parameters().values().forEach((key, v) -> {
                    if (!v.equals(same.parameters().values().get(key))) {
                        overrides.add("model." + key + "=" + v);
                    }
                });
                return checked(s, new Shipped(text(k), overrides));
            }
        }
        throw new IllegalStateException("scenario " + s.name() + " cannot be shipped: no text of it is known");
    }

    private String text(LoadedScenario k) {
        return rendered.computeIfAbsent(k, LoadedScenario::render);
    }

    /** Loads the text and overrides as a worker will, and refuses them unless they give {@code s}. */
    private Shipped checked(Scenario s, Shipped shipped) {
        Scenario again = loaded.computeIfAbsent(shipped.text(), t -> new ScenarioCache(loader, t))
                .get(shipped.overrides());
        if (!again.equals(s)) {
            throw new IllegalStateException("scenario " + s.name() + " cannot be shipped: its text"
                    + (shipped.overrides().isEmpty() ? "" : " with " + shipped.overrides()) + " loads as another scenario");
        }
        return shipped;
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(ScenarioCache::close);
        loaded.clear();
    }
}
