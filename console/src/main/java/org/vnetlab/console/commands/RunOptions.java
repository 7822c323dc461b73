package org.vnetlab.console.commands;

import java.util.List;
import java.util.stream.Collectors;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.experiment.SimOptions;
import org.vnetlab.sim.kernel.Fidelity;
import picocli.CommandLine.Option;

/** What to simulate of a scenario: protocols, transports, sizes, trials, duration (sim, whatif, sweep). */
public final class RunOptions {

    /** A choice of IP versions. */
    public enum Protocols {
        IPV4(List.of(IpVersion.IPV4)), IPV6(List.of(IpVersion.IPV6)), BOTH(List.of(IpVersion.IPV4, IpVersion.IPV6));

        final List<IpVersion> versions;

        Protocols(List<IpVersion> versions) {
            this.versions = versions;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A choice of transports. */
    public enum Transports {
        UDP(List.of(Transport.UDP)), TCP(List.of(Transport.TCP)), BOTH(List.of(Transport.UDP, Transport.TCP));

        final List<Transport> transports;

        Transports(List<Transport> transports) {
            this.transports = transports;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Option(names = "--protocol", paramLabel = "ipv4|ipv6|both", description = "network protocol (default: ${DEFAULT-VALUE})")
    Protocols protocol = Protocols.BOTH;

    @Option(names = "--transport", paramLabel = "udp|tcp|both", description = "transport (default: ${DEFAULT-VALUE})")
    Transports transport = Transports.UDP;

    @Option(names = "--sizes", paramLabel = "LIST", split = ",", converter = Converters.PayloadSize.class,
            description = "UDP payload sizes, e.g. 36,200,1470, each fitting the MTU of every protocol run (at"
                    + " MTU 1500: 1472 B over IPv4, 1452 over IPv6) (default: the scenario's)")
    List<Integer> sizes;

    // a command whose defaults differ (sensitivity) words them in its resource bundle under these keys
    @Option(names = "--trials", paramLabel = "N", converter = Converters.Trials.class,
            descriptionKey = "run.trials",
            description = "trials per point; the median is reported (default: the scenario's method.trials, 7)")
    Integer trials;

    @Option(names = "--duration", paramLabel = "SECONDS", converter = Converters.SimSeconds.class,
            descriptionKey = "run.duration",
            description = "simulated seconds of each direction (default: the scenario's, 10)")
    Long durationNanos;

    @Option(names = "--exact", description = "simulate packet by packet instead of in trains: the oracle the trains are"
            + " tested against, several times slower (default: trains)")
    boolean exact;

    public SimOptions options() {
        if (sizes != null) {
            Converters.checkEachSizeOnce("--sizes " + sizes.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")), sizes);
        }
        SimOptions o = new SimOptions(protocol.versions, transport.transports, sizes, trials, durationNanos)
                .withSizesFlag("--sizes");
        return exact ? o.with(Fidelity.EXACT) : o;
    }

    /** A warning when --sizes cannot apply (TCP's segments are the path's MSS), else empty. */
    public java.util.Optional<String> sizesWarning() {
        return sizes != null && transport == Transports.TCP
                ? java.util.Optional.of("--sizes applies to UDP; TCP runs use the path's MSS, so it changes nothing here")
                : java.util.Optional.empty();
    }
}
