package org.vnetlab.sim.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.experiment.Experiment;

/** What the model produced for each scenario a set of checks needs, looked up by series. */
public record Simulated(Map<ScenarioRef, Scenario> scenarios, Map<ScenarioRef, Result> results) {

    public Simulated {
        scenarios = Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    public Scenario scenario(ScenarioRef ref) {
        return scenarios.get(ref);
    }

    /** The payload sizes the series has points at. */
    public SortedSet<Integer> payloads(Series s) {
        SortedSet<Integer> out = new TreeSet<>();
        Result r = results.get(s.scenario());
        if (r != null) {
            r.points().stream().filter(p -> matches(s, p) && s.metric().of(p).isPresent())
                    .forEach(p -> out.add(p.payload()));
        }
        return out;
    }

    /** The series' value at {@code payload}, or at its only point when {@code payload} is null. */
    public OptionalDouble value(Series s, Integer payload) {
        return point(s, payload).map(p -> s.metric().of(p)).orElse(OptionalDouble.empty());
    }

    private Optional<Point> point(Series s, Integer payload) {
        Result r = results.get(s.scenario());
        if (r == null) {
            return Optional.empty();
        }
        return r.points().stream().filter(p -> matches(s, p) && (payload == null || p.payload() == payload))
                .findFirst();
    }

    private static boolean matches(Series s, Point p) {
        return (s.transport() == null || s.transport().equals(p.transport()))
                && s.protocol().equals(p.protocol()) && s.direction().equals(p.direction())
                && (s.guest() == null ? !p.guest().equals(Experiment.SUM) : s.guest().equals(p.guest()));
    }
}
