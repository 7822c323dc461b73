package org.vnetlab.sim.sensitivity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.experiment.Experiment;

/**
 * The one number of each point of a result that a sensitivity follows: the delivered throughput
 * of a throughput point (of all measured guests together where the scenario measures several),
 * the median RTT of an RTT point.
 */
public final class Headlines {

    /** A point's number and how far its trials lie apart (0 for one trial, or an RTT point's one run). */
    public record Headline(double value, double trialSpread) {
    }

    private Headlines() {
    }

    /** Point label (e.g. {@code udp ipv4 rx 36 B Mbit/s (all guests)}) to its number, in the result's order. */
    public static Map<String, Headline> of(Result r) {
        Set<String> summed = r.points().stream().filter(p -> p.guest().equals(Experiment.SUM))
                .map(Headlines::where).collect(Collectors.toSet());
        Map<String, Headline> out = new LinkedHashMap<>();
        for (Point p : r.points()) {
            if (p.rttMs() != null) {
                out.put(p.protocol() + " rtt median ms (" + p.guest() + ")", new Headline(p.rttMs().median(), 0));
            } else if (p.throughputMbps() != null
                    && (p.guest().equals(Experiment.SUM) || !summed.contains(where(p)))) {
                String who = p.guest().equals(Experiment.SUM) ? "all guests" : p.guest();
                out.put(where(p) + " Mbit/s (" + who + ")", new Headline(p.throughputMbps(), spread(p.throughputTrials())));
            }
        }
        return out;
    }

    private static double spread(List<Double> trials) {
        if (trials == null || trials.isEmpty()) {
            return 0;
        }
        return trials.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - trials.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static String where(Point p) {
        return p.transport() + " " + p.protocol() + " " + p.direction() + " " + p.payload() + " B";
    }
}
