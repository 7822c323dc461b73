package org.vnetlab.live.testbed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnetlab.core.units.DataRate;

/**
 * What Linux traffic control does to each host's egress on the testbed link: a rate ({@code tbf}),
 * or delay and loss ({@code netem}, which then also applies the rate). Each side gets the same, so a
 * round trip sees the delay twice and each direction sees the loss once.
 *
 * @param rate        the link's rate, or null for veth's own speed
 * @param delay       one-way delay added on each side, or null
 * @param lossPercent percent of packets dropped on each side's egress, 0 for none
 */
public record Shaping(DataRate rate, Duration delay, double lossPercent) {

    public static final Shaping NONE = new Shaping(null, null, 0);

    public Shaping {
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("loss must be 0-100 %, got " + lossPercent);
        }
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
    }

    public boolean none() {
        return rate == null && delay == null && lossPercent == 0;
    }

    /** The qdisc arguments after {@code tc qdisc replace dev DEV root}; empty for none. */
    List<String> qdisc() {
        List<String> args = new ArrayList<>();
        if (delay != null || lossPercent > 0) {
            args.add("netem");
            if (delay != null) {
                args.add("delay");
                args.add(delay.toNanos() / 1000 + "us");
            }
            if (lossPercent > 0) {
                args.add("loss");
                args.add(String.format(Locale.ROOT, "%.3f%%", lossPercent));
            }
            if (rate != null) {
                args.add("rate");
                args.add(rate.bitsPerSecond() + "bit");
            }
            // a queue long enough for a gigabit of one-way delay
            args.add("limit");
            args.add("100000");
        } else if (rate != null) {
            // a bucket of 2 ms of traffic (at least two frames) and a queue of at most 50 ms
            long burst = Math.max(3028, rate.bitsPerSecond() / 8 / 500);
            args.addAll(List.of("tbf", "rate", rate.bitsPerSecond() + "bit", "burst", Long.toString(burst),
                    "latency", "50ms"));
        }
        return args;
    }

    @Override
    public String toString() {
        if (none()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (rate != null) {
            parts.add(rate.toString());
        }
        if (delay != null) {
            parts.add("delay " + delay.toNanos() / 1e6 + " ms");
        }
        if (lossPercent > 0) {
            parts.add("loss " + lossPercent + " %");
        }
        return String.join(", ", parts);
    }
}
