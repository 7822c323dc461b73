package org.vnetlab.sim.experiment;

import java.util.List;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.kernel.Fidelity;

/**
 * What to simulate of a scenario.
 *
 * @param protocols     IPv4, IPv6 or both
 * @param transports    UDP, TCP or both (RTT probes run whenever the scenario has them)
 * @param sizes         UDP payload sizes; null for the scenario's own (per protocol)
 * @param trials        trials per point; null for the scenario's method
 * @param durationNanos each leg's duration; null for the scenario's workloads
 * @param fidelity      trains (fast, the default) or exact (packet by packet, the oracle)
 * @param sizesFlag     the flag that gave {@code sizes} ({@code --sizes}), named when one does not fit
 *                      the scenario's MTU; null when they came from elsewhere
 */
public record SimOptions(List<IpVersion> protocols, List<Transport> transports, List<Integer> sizes, Integer trials,
                         Long durationNanos, Fidelity fidelity, String sizesFlag) {

    public SimOptions {
        protocols = List.copyOf(protocols);
        transports = List.copyOf(transports);
        sizes = sizes == null ? null : List.copyOf(sizes);
        fidelity = fidelity == null ? Fidelity.TRAINS : fidelity;
    }

    /** Options whose sizes no flag gave. */
    public SimOptions(List<IpVersion> protocols, List<Transport> transports, List<Integer> sizes, Integer trials,
                      Long durationNanos, Fidelity fidelity) {
        this(protocols, transports, sizes, trials, durationNanos, fidelity, null);
    }

    /** Options timed with trains. */
    public SimOptions(List<IpVersion> protocols, List<Transport> transports, List<Integer> sizes, Integer trials,
                      Long durationNanos) {
        this(protocols, transports, sizes, trials, durationNanos, Fidelity.TRAINS);
    }

    /** The same options timed with {@code timing}: {@code --exact} is {@code with(Fidelity.EXACT)}. */
    public SimOptions with(Fidelity timing) {
        return new SimOptions(protocols, transports, sizes, trials, durationNanos, timing, sizesFlag);
    }

    /** The same options, their sizes given with {@code flag}: a payload that does not fit names it. */
    public SimOptions withSizesFlag(String flag) {
        return new SimOptions(protocols, transports, sizes, trials, durationNanos, fidelity, flag);
    }

    /** Both protocols and both transports, everything else from the scenario. */
    public static SimOptions defaults() {
        return new SimOptions(List.of(IpVersion.IPV4, IpVersion.IPV6), List.of(Transport.UDP, Transport.TCP), null,
                null, null);
    }
}
