package org.vnetlab.live.emulate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/**
 * An emulator run in the result schema ({@code mode = "emulate"}): one point with what it carried,
 * none when it carried nothing (a point needs a payload, the mean of what went out, of 1 B or more).
 */
public final class EmulationResult {

    /** The point's direction when datagrams go on to the forward address. */
    public static final String FORWARD = "forward";
    /** The point's direction when the guest's reflector answers them. */
    public static final String ROUNDTRIP = "roundtrip";

    private EmulationResult() {
    }

    /**
     * @param transport {@code udp} or {@code tcp}
     * @param protocol  {@code ipv4} or {@code ipv6}
     * @param direction {@link #FORWARD} or {@link #ROUNDTRIP}
     */
    public static Result of(String scenario, long seed, String version, String parameters, String transport,
                            String protocol, String direction, String guest, Counters c) {
        Map<String, Double> cpu = new TreeMap<>();
        c.cpuNanos().forEach((d, ns) -> cpu.put(d, 100.0 * ns / c.elapsedNanos()));
        Map<String, Double> drops = new TreeMap<>();
        c.drops().forEach((q, n) -> drops.put(q, n.doubleValue()));
        int payload = c.packetsOut() == 0 ? 0 : (int) Math.round((double) c.bytesOut() / c.packetsOut());
        if (payload < 1) {
            return new Result("emulate", scenario, seed, version, parameters, List.of());
        }
        Point p = Point.builder().transport(transport).protocol(protocol).direction(direction).payload(payload)
                .guest(guest).throughputMbps(mbpsOut(c))
                .loss(c.packetsIn() == 0 ? 0.0 : Math.max(0, 1.0 - (double) c.packetsOut() / c.packetsIn()))
                .cpuPercent(cpu).drops(drops).build();
        return new Result("emulate", scenario, seed, version, parameters, List.of(p));
    }

    /** What went out, in Mbit/s of payload over the run. */
    public static double mbpsOut(Counters c) {
        return c.bytesOut() * 8 / Math.max(1e-9, c.elapsedNanos() / 1e9) / 1e6;
    }
}
