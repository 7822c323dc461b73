package org.vnetlab.sim.validate;

import java.util.List;
import java.util.OptionalDouble;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;

/** A quantity a fact is stated about, computed from one or two series at one payload size. */
public sealed interface Expr {

    /** The series it reads. */
    List<Series> series();

    /** Its value at {@code payload}; empty when a series has no point there. */
    OptionalDouble at(Simulated sim, int payload);

    /** A series as it is. */
    record Of(Series s) implements Expr {
        public List<Series> series() {
            return List.of(s);
        }

        public OptionalDouble at(Simulated sim, int payload) {
            return sim.value(s, payload);
        }

    }

    /** {@code a / b}, e.g. a Xen guest's throughput over native's. */
    record Ratio(Series a, Series b) implements Expr {
        public List<Series> series() {
            return List.of(a, b);
        }

        public OptionalDouble at(Simulated sim, int payload) {
            return new Quotient(new Of(a), new Of(b)).at(sim, payload);
        }

    }

    /**
     * {@code a / b} of two expressions, e.g. CPU per unit of throughput on Xen over the same on
     * native: the ratio of CPU cost per packet at one payload size.
     */
    record Quotient(Expr a, Expr b) implements Expr {
        public List<Series> series() {
            return java.util.stream.Stream.concat(a.series().stream(), b.series().stream()).toList();
        }

        public OptionalDouble at(Simulated sim, int payload) {
            OptionalDouble x = a.at(sim, payload);
            OptionalDouble y = b.at(sim, payload);
            return x.isEmpty() || y.isEmpty() || y.getAsDouble() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(x.getAsDouble() / y.getAsDouble());
        }

    }

    /** {@code a - b}, e.g. Dom0's load with IPv4 minus with IPv6, in points. */
    record Difference(Series a, Series b) implements Expr {
        public List<Series> series() {
            return List.of(a, b);
        }

        public OptionalDouble at(Simulated sim, int payload) {
            OptionalDouble x = sim.value(a, payload);
            OptionalDouble y = sim.value(b, payload);
            return x.isEmpty() || y.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(x.getAsDouble() - y.getAsDouble());
        }

    }

    /**
     * How far apart several series lie at one payload: the largest less the smallest
     * ({@code ratio} false), e.g. the spread of guests' bandwidths in Mbit/s, or the largest over
     * the smallest ({@code ratio} true). Empty when any series has no point there.
     */
    record Extremes(List<Series> of, boolean ratio) implements Expr {
        public List<Series> series() {
            return of;
        }

        public OptionalDouble at(Simulated sim, int payload) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Series s : of) {
                OptionalDouble v = sim.value(s, payload);
                if (v.isEmpty()) {
                    return v;
                }
                min = Math.min(min, v.getAsDouble());
                max = Math.max(max, v.getAsDouble());
            }
            if (ratio) {
                return min > 0 ? OptionalDouble.of(max / min) : OptionalDouble.empty();
            }
            return OptionalDouble.of(max - min);
        }

    }

    /**
     * The median of one quantity over several runs, e.g. the same scenario with other seeds: for a
     * quantity chaotic in the seed, a single run may land anywhere in its range. Empty when any
     * of them is.
     */
    record Median(List<Expr> of) implements Expr {
        public Median {
            of = List.copyOf(of);
            if (of.isEmpty()) {
                throw new IllegalArgumentException("a median of nothing");
            }
        }

        public List<Series> series() {
            return of.stream().flatMap(e -> e.series().stream()).toList();
        }

        public OptionalDouble at(Simulated sim, int payload) {
            double[] values = new double[of.size()];
            for (int i = 0; i < values.length; i++) {
                OptionalDouble v = of.get(i).at(sim, payload);
                if (v.isEmpty()) {
                    return v;
                }
                values[i] = v.getAsDouble();
            }
            java.util.Arrays.sort(values);
            int mid = values.length / 2;
            return OptionalDouble.of(values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2);
        }

    }

    /**
     * A throughput series as a share of the most payload the wire carries at that size
     * ({@link Ethernet#maxGoodputMbps}, the slower of the link and the host's NIC).
     */
    record ShareOfLineRate(Series s) implements Expr {
        public List<Series> series() {
            return List.of(s);
        }

        public OptionalDouble at(Simulated sim, int payload) {
            OptionalDouble v = sim.value(s, payload);
            if (v.isEmpty()) {
                return v;
            }
            Scenario sc = sim.scenario(s.scenario());
            DataRate rate = sc.link().rate().compareTo(sc.host().nic().lineRate()) <= 0 ? sc.link().rate()
                    : sc.host().nic().lineRate();
            double bound = Ethernet.maxGoodputMbps(rate, payload, IpVersion.fromKey(s.protocol()),
                    Transport.fromKey(s.transport()));
            return OptionalDouble.of(v.getAsDouble() / bound);
        }

    }
}
