package org.vnetlab.sim.plan;

import java.util.List;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.result.Point;

/**
 * One simulated configuration of a search: the value tried (guests, CPU speed), whether it met
 * the requirement and why, the --set overrides that made it, its per-guest points and its
 * bottleneck.
 */
public record Candidate(double value, boolean meets, String why, Scenario scenario, List<String> sets,
                        List<Point> guests, Bottleneck bottleneck) {

    public Candidate {
        sets = List.copyOf(sets);
        guests = List.copyOf(guests);
    }

    public double minGuestMbps() {
        return guests.stream().mapToDouble(Point::throughputMbps).min().orElse(0);
    }

    public double sumMbps() {
        return guests.stream().mapToDouble(Point::throughputMbps).sum();
    }
}
