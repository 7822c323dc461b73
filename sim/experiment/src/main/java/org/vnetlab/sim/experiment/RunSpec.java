package org.vnetlab.sim.experiment;

import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.kernel.Fidelity;

/**
 * One independent simulation: a transport and protocol, one payload size, one direction (a
 * single leg, rx or tx), one trial, timed with trains or exactly. Its seed comes from the
 * experiment's seed and these coordinates only (not the timing), so no result depends on the
 * order runs are made in, and the two timings of a run draw from the same seed.
 */
public record RunSpec(Transport transport, IpVersion ip, int payload, Direction direction, int trial,
                      long durationNanos, Fidelity fidelity) {

    public RunSpec {
        if (direction == Direction.TRADEOFF) {
            throw new IllegalArgumentException("a run is one leg: rx or tx");
        }
    }

    /** A run with trains. */
    public RunSpec(Transport transport, IpVersion ip, int payload, Direction direction, int trial,
                   long durationNanos) {
        this(transport, ip, payload, direction, trial, durationNanos, Fidelity.TRAINS);
    }

    /** The run's seed: a hash of the root seed and the run's coordinates. */
    public long seed(long rootSeed) {
        long h = rootSeed * 0x9E3779B97F4A7C15L;
        h = 31 * h + transport.ordinal();
        h = 31 * h + ip.ordinal();
        h = 31 * h + payload;
        h = 31 * h + direction.ordinal();
        h = 31 * h + trial;
        return h ^ (h >>> 29);
    }
}
