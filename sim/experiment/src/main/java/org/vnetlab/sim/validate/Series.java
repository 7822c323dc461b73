package org.vnetlab.sim.validate;

/**
 * One quantity of one scenario over payload sizes: the points of a result with this transport,
 * protocol, direction and guest. A null transport matches any (RTT probes), a null guest the
 * first measured guest (not the sum).
 *
 * @param direction {@code rx}, {@code tx} or {@code roundtrip}
 */
public record Series(ScenarioRef scenario, String transport, String protocol, String direction, String guest,
                     Metric metric) {

    public static Series udp(ScenarioRef s, String protocol, String direction, Metric metric) {
        return new Series(s, "udp", protocol, direction, null, metric);
    }
}
