package org.vnetlab.live.client;

import java.util.List;
import java.util.Map;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.data.ClientText;

/**
 * Whether a server's {@link Report} could be true of the test this client ran. What comes over the
 * network is hostile until checked, as the server checks the client's frames: a report that could
 * not be true fails the test instead of becoming a result (8e21 Mbit/s, a CPU load of 1e308 %)
 * that vnetlab's own readers refuse.
 */
public final class ReportCheck {


    private static final long SECOND = 1_000_000_000L;
    private static final long MILLISECOND = 1_000_000L;

    /**
     * What the client knows of one test, and so the ranges its report must lie in.
     *
     * @param minBytes     payload bytes the server must have counted at least (what the client received of it)
     * @param maxBytes     payload bytes it may have counted at most (what the client sent it)
     * @param minPackets   datagrams the server must have counted at least
     * @param maxPackets   datagrams it may have counted at most; 0 for TCP, which counts none
     * @param minDatagram  the smallest payload of one counted datagram
     * @param maxDatagram  the largest payload of one counted datagram
     * @param windowNanos  the client's time from sending Start to reading the report: the server's side ran within it
     */
    public record Expected(long minBytes, long maxBytes, long minPackets, long maxPackets, int minDatagram,
                           int maxDatagram, long windowNanos) {

        /** A TCP test: bytes in a range, no datagrams. */
        public static Expected tcp(long minBytes, long maxBytes, long windowNanos) {
            return new Expected(minBytes, maxBytes, 0, 0, 0, 0, windowNanos);
        }

        /** A UDP test whose receiver counts only whole datagrams of {@code payload} bytes. */
        public static Expected udp(long minPackets, long maxPackets, int payload, long windowNanos) {
            return new Expected(times(minPackets, payload), times(maxPackets, payload), minPackets, maxPackets,
                    payload, payload, windowNanos);
        }

        /**
         * A UDP test whose sender paced {@code payload}-byte datagrams at {@code rate} for {@code
         * durationNanos}: it sent no more than one per interval, the first at once.
         */
        public static Expected paced(long minPackets, int payload, DataRate rate, long durationNanos,
                                     long windowNanos) {
            double intervalNanos = payload * 8e9 / rate.bitsPerSecond();
            long maxPackets = (long) Math.min(Long.MAX_VALUE / 2.0, withClockSlack(durationNanos) / intervalNanos) + 1;
            return udp(minPackets, maxPackets, payload, windowNanos);
        }

        private static long times(long packets, int payload) {
            return packets > Long.MAX_VALUE / payload ? Long.MAX_VALUE : packets * payload;
        }
    }

    private ReportCheck() {
    }

    /** Fails with one line naming {@code server} and the first impossibility when {@code r} could not be true. */
    public static void check(String server, Report r, Expected e) {
        String problem = problem(r, e);
        if (problem != null) {
            throw new MeasureException(server + " sent an impossible report: " + problem);
        }
    }

    /** The first thing in {@code r} that could not be true of the test, or null when none is. */
    static String problem(Report r, Expected e) {
        if (r.packets() > e.maxPackets()) {
            return e.maxPackets() == 0 ? "packets " + r.packets() + " in a TCP test (it counts none)"
                    : "packets " + r.packets() + " > the " + e.maxPackets() + " that could be sent";
        }
        if (r.packets() < e.minPackets()) {
            return "packets " + r.packets() + " < the " + e.minPackets() + " this client received";
        }
        if (r.bytes() > e.maxBytes()) {
            return "bytes " + r.bytes() + " > the " + e.maxBytes() + " that could be sent";
        }
        if (r.bytes() < e.minBytes()) {
            return "bytes " + r.bytes() + " < the " + e.minBytes() + " this client received";
        }
        if (e.maxPackets() > 0) {
            String datagrams = datagrams(r, e);
            if (datagrams != null) {
                return datagrams;
            }
        }
        if (r.reordered() > r.packets()) {
            return "reordered " + r.reordered() + " > packets " + r.packets();
        }
        String elapsed = elapsed(r, e.windowNanos());
        return elapsed != null ? elapsed : cpu(r.cpuPercent(), e.windowNanos());
    }

    /** Every counted datagram's payload is within the test's sizes. */
    private static String datagrams(Report r, Expected e) {
        double perPacket = r.packets() == 0 ? 0 : r.bytes() / (double) r.packets();
        if (r.packets() == 0 ? r.bytes() != 0 : perPacket < e.minDatagram() || perPacket > e.maxDatagram()) {
            String sizes = e.minDatagram() == e.maxDatagram() ? e.minDatagram() + " B"
                    : e.minDatagram() + "-" + e.maxDatagram() + " B";
            return "bytes " + r.bytes() + " in packets " + r.packets() + " (each datagram carries " + sizes + ")";
        }
        return null;
    }

    /** The server's side ran for some time within the client's window, and no faster than a result may say. */
    private static String elapsed(Report r, long windowNanos) {
        if (r.elapsedNanos() <= 0) {
            return "elapsed_ns " + r.elapsedNanos() + " (must be positive)";
        }
        if (r.elapsedNanos() > withClockSlack(windowNanos)) {
            return String.format("elapsed %.3f s > the %.3f s from Start to the report", r.elapsedNanos() / 1e9,
                    windowNanos / 1e9);
        }
        double mbps = r.bytes() * 8.0 / r.elapsedNanos() * 1e3;
        if (mbps > DataRate.MAX_MBPS) {
            return "bytes " + r.bytes() + " in " + r.elapsedNanos() + " ns, over " + DataRate.MAX_MBPS / 1e6
                    + " Tbit/s";
        }
        return null;
    }

    /** Plain source names; finite samples in 0..{@link ResultJson#MAX_CPU_PERCENT}, at most one a second. */
    private static String cpu(Map<String, List<Double>> cpuPercent, long windowNanos) {
        long mostSamples = withClockSlack(windowNanos) / SECOND + 1;
        for (Map.Entry<String, List<Double>> source : cpuPercent.entrySet()) {
            String name = source.getKey();
            // a name is printed on the terminal and written as a key of the result file
            if (name.isEmpty() || !ClientText.of(name).equals(name)) {
                return "cpu_percent has a source named '" + ClientText.of(name) + "' (expected a printable name)";
            }
            List<Double> samples = source.getValue();
            if (samples.size() > mostSamples) {
                return String.format("cpu_percent %s: %d samples in a %.3f s test (one a second)", name,
                        samples.size(), windowNanos / 1e9);
            }
            for (double v : samples) {
                if (!(v >= 0 && v <= ResultJson.MAX_CPU_PERCENT)) {
                    return "cpu_percent " + name + ": " + v + " is outside 0.." + (long) ResultJson.MAX_CPU_PERCENT
                            + " %";
                }
            }
        }
        return null;
    }

    /**
     * The longest the server may have measured in {@code nanos} of the client's time: its clock may
     * run a little fast against this one (a virtual machine's especially), so 1 % and 1 ms more.
     */
    private static long withClockSlack(long nanos) {
        return nanos + nanos / 100 + MILLISECOND;
    }
}
