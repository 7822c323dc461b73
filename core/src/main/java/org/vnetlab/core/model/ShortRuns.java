package org.vnetlab.core.model;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a throughput run is long enough to show a steady state. A run shorter than one time
 * slice of the hosts' scheduler shows how it starts (queues filling, threads being placed), and
 * with more senders than a machine has CPUs, the last sender may get its first slice only after
 * the others had theirs: 0.2 s of 64 guests received left a third of them at 0 Mbit/s.
 */
public final class ShortRuns {

    /** {@code DEF_TIMESLICE} of Linux 2.6.16's {@code kernel/sched.c}: a nice-0 CPU hog's slice. */
    static final long SLICE_NANOS = 100_000_000L;

    private ShortRuns() {
    }

    /**
     * A sentence when the runs of {@code s} are shorter than a round of time slices of its
     * senders; {@code durationNanos} is the run's duration where a flag set it, else null.
     */
    public static Optional<String> warning(Scenario s, Long durationNanos) {
        long duration = durationNanos != null ? durationNanos : Stream.concat(
                s.workloads(UdpStream.class).stream().map(UdpStream::durationNanos),
                s.workloads(TcpStream.class).stream().map(TcpStream::durationNanos))
                .mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        // UDP and TCP run apart: the senders of one run are one transport's
        int senders = Math.max(s.workloads(UdpStream.class).stream().mapToInt(UdpStream::parallel).sum(),
                s.workloads(TcpStream.class).stream().mapToInt(TcpStream::parallel).sum());
        int cpus = Math.min(s.host().cpus(), s.peer().cpus());
        long rounds = Math.max(1, (senders + cpus - 1) / cpus);
        long needed = rounds * SLICE_NANOS;
        if (senders == 0 || duration >= needed) {
            return Optional.empty();
        }
        String why = rounds == 1 ? "shorter than one " + ms(SLICE_NANOS) + " time slice of Linux 2.6.16's scheduler"
                : "shorter than the " + seconds(needed) + " in which Linux 2.6.16's scheduler would give each of "
                + senders + " senders one " + ms(SLICE_NANOS) + " time slice on " + cpus
                + " CPUs (the last may not have started)";
        return Optional.of("runs of " + seconds(duration) + " are " + why
                + ": the figures show how a run starts, not a steady state (the study ran 10 s; give --duration "
                + seconds(needed) + " or more)");
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3g s", nanos / 1e9).replaceAll("\\.?0+ s$", " s");
    }

    private static String ms(long nanos) {
        return nanos / 1_000_000 + " ms";
    }
}
