package org.vnetlab.sim.sweep;

import java.util.Comparator;
import java.util.List;
import org.vnetlab.core.result.Point;
import org.vnetlab.sim.experiment.RunSpec;

/**
 * The runs of one result point of a sweep: one grid point, transport, protocol, direction and
 * payload, all its trials. A unit is finished when all its trials are; only finished units become
 * points, and {@code --resume} skips units whose points a result file already has.
 *
 * @param items  indices of its work items, trial order
 * @param guests the guests its points may name: its scenario's, and the sum
 */
public record Unit(GridPoint grid, RunSpec first, List<Integer> items, List<String> guests) {

    /** Units of one grid point in result order: transport, protocol, direction, payload. */
    static final Comparator<RunSpec> ORDER = Comparator.<RunSpec>comparingInt(s -> s.transport().ordinal())
            .thenComparingInt(s -> s.ip().ordinal())
            .thenComparingInt(s -> s.direction().ordinal())
            .thenComparingInt(RunSpec::payload);

    public Unit {
        items = List.copyOf(items);
        guests = List.copyOf(guests);
    }

    /** Whether {@code p} is one of this unit's points. */
    public boolean owns(Point p) {
        return p.transport().equals(first.transport().key()) && p.protocol().equals(first.ip().key())
                && p.direction().equals(first.direction().key()) && p.payload() == first.payload()
                && p.grid().equals(grid.values());
    }

    static boolean sameUnit(RunSpec a, RunSpec b) {
        return ORDER.compare(a, b) == 0;
    }
}
