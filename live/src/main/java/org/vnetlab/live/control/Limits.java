package org.vnetlab.live.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.LiveSettings.ServerSettings;
import org.vnetlab.live.control.ControlMessage.ProbeRequest;
import org.vnetlab.live.control.ControlMessage.Request;
import org.vnetlab.live.data.DataHeader;
import org.vnetlab.live.probe.ProbePacket;

/** Whether a server may run a requested test: every limit of its settings, with the reason when not. */
final class Limits {

    private Limits() {
    }

    /** The reason to refuse {@code r}, or null to accept it. */
    static String refusal(ServerContext server, Request r, InetSocketAddress local) {
        ServerSettings s = server.settings;
        TestSpec spec = r.spec();
        if (r.version() != ControlMessage.VERSION) {
            return version(r.version());
        }
        if (server.reflector != null) {
            return "this is a reflector; throughput tests go to vnetlab measure server";
        }
        if (spec.duration().compareTo(s.maxDuration()) > 0) {
            return "duration " + seconds(spec.duration()) + " is over this server's limit of " + seconds(s.maxDuration());
        }
        String family = family(spec.ip(), local);
        if (family != null) {
            return family;
        }
        if (spec.transport() == Transport.UDP) {
            String range = payload(spec.payload(), DataHeader.BYTES, s.maxPayload());
            return range != null ? range : rate(spec.rate(), spec.payload(), s);
        }
        return null;
    }

    /** The reason to refuse {@code p}, or null to accept it. */
    static String refusal(ServerContext server, ProbeRequest p, InetSocketAddress local, InetAddress peer) {
        ServerSettings s = server.settings;
        ProbeSpec spec = p.spec();
        if (p.version() != ControlMessage.VERSION) {
            return version(p.version());
        }
        if (server.reflector == null) {
            return "this is a measurement server; rtt probes go to vnetlab measure reflect";
        }
        String family = family(spec.ip(), local);
        if (family != null) {
            return family;
        }
        String rate = rate(spec.rate(), spec.payload(), s);
        if (rate != null) {
            return rate;
        }
        if (spec.count() > s.maxProbes()) {
            return spec.count() + " probes are over this reflector's limit of " + s.maxProbes();
        }
        Duration lifetime = probeLifetime(spec, s.grace());
        if (lifetime.compareTo(s.maxDuration().plus(s.grace())) > 0) {
            return "the probe stream would last " + seconds(lifetime.minus(s.grace())) + ", over the limit of "
                    + seconds(s.maxDuration());
        }
        String range = payload(spec.payload(), ProbePacket.BYTES, s.maxPayload());
        if (range != null) {
            return range;
        }
        if (server.reflector.isSelf(new InetSocketAddress(peer, spec.sourcePort()))) {
            return "source port " + spec.sourcePort() + " is the reflector's own port: it would answer itself";
        }
        return null;
    }

    /**
     * A stream's rate within min-rate and max-rate, and at least one datagram a second: a sender
     * due once in hours would hold its slot, thread and buffer for nothing.
     */
    private static String rate(DataRate rate, int payload, ServerSettings s) {
        if (rate.compareTo(s.maxRate()) > 0) {
            return "rate " + rate + " is over this server's limit of " + s.maxRate();
        }
        if (rate.compareTo(s.minRate()) < 0) {
            return "rate " + rate + " is under this server's minimum of " + s.minRate();
        }
        if (rate.nanosFor(payload) > 1_000_000_000L) {
            return "rate " + rate + " sends a " + payload + " B datagram less than once a second";
        }
        return null;
    }

    /** How long a probe test's lease lives: the stream at its rate, then the grace for the last echoes. */
    static Duration probeLifetime(ProbeSpec spec, Duration grace) {
        long streamNanos = spec.rate().nanosFor((long) spec.payload() * spec.count());
        return Duration.ofNanos(streamNanos).plus(grace);
    }

    private static String family(IpVersion ip, InetSocketAddress local) {
        boolean v6 = local.getAddress() instanceof Inet6Address;
        if (v6 != (ip == IpVersion.IPV6)) {
            return "an " + ip.key() + " test needs a control connection over " + ip.key() + " (this one is over "
                    + (v6 ? "ipv6" : "ipv4") + ")";
        }
        return null;
    }

    private static String payload(int payload, int min, int max) {
        if (payload < min || payload > max) {
            return "payload " + payload + " B is outside " + min + "-" + max + " B";
        }
        return null;
    }

    private static String version(int v) {
        return "protocol version " + v + "; this server speaks version " + ControlMessage.VERSION;
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }
}
