package org.vnetlab.console.commands;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.vnetlab.console.cli.CommandFailure;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.model.RttProbe;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.LiveSettings;
import org.vnetlab.live.LiveSettings.ClientSettings;
import org.vnetlab.live.client.MeasureException;
import org.vnetlab.live.client.RttClient;
import org.vnetlab.live.client.RttResult;
import org.vnetlab.live.client.TestRefused;
import org.vnetlab.live.probe.ProbePacket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code measure rtt HOST}: the study's RTP-like RTT and RFC 3550 jitter probe against {@code measure reflect}. */
@Command(name = "rtt", description = "measure RTT and RFC 3550 jitter with RTP-like probes against a measure reflect")
public final class MeasureRttCommand implements org.vnetlab.console.cli.Command {

    private final LiveSettings settings;

    @Parameters(paramLabel = "HOST", description = "the host running vnetlab measure reflect")
    String host;

    @Option(names = "--rate", paramLabel = "RATE", converter = Converters.Rate.class,
            description = "rate of the probe stream (default: ${DEFAULT-VALUE})")
    DataRate rate;

    @Option(names = "--payload", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "bytes of each probe, at least " + ProbePacket.BYTES + " (default: ${DEFAULT-VALUE})")
    int payload;

    @Option(names = "--count", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "probes sent (RTT measurements) (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--warm-up", paramLabel = "N", converter = Converters.NonNegativeInt.class,
            description = "probes sent first and not counted, so both ends run compiled code when the counted ones"
                    + " start (default: ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--port", paramLabel = "N", converter = Converters.Port.class,
            description = "TCP port of the reflector's control connection (default: ${DEFAULT-VALUE})")
    int port;

    @Mixin
    LiveOptions live;

    public MeasureRttCommand(LiveSettings settings) {
        this.settings = settings;
        ClientSettings c = settings.client();
        this.rate = c.rttRate();
        this.payload = c.rttPayload();
        this.count = c.rttCount();
        this.warmUp = c.rttWarmup();
        this.port = settings.server().reflectPort();
    }

    @Override
    public int run(Terminal io) throws IOException, InterruptedException {
        ClientSettings c = settings.client();
        if (payload < ProbePacket.BYTES || payload > settings.server().maxPayload()) {
            throw new UsageError("measure rtt: --payload " + payload + ": expected " + ProbePacket.BYTES + "-"
                    + settings.server().maxPayload() + " bytes");
        }
        if ((long) count + warmUp > RttProbe.MAX_PROBES) {
            throw new UsageError("measure rtt: --count " + count + (warmUp == 0 ? "" : " and --warm-up " + warmUp)
                    + ": at most " + RttProbe.MAX_PROBES + " probes in all (each one's time is kept)");
        }
        live.checkOutputs("measure rtt");
        InetAddress server = live.resolve("measure rtt", host);
        IpVersion ip = LiveOptions.version(server);
        RttResult r;
        try {
            r = new RttClient(server, port).run(ip, payload, rate, count, warmUp, c.rttWait());
        } catch (TestRefused e) {
            // the reflector's limits count every probe it is asked for, the warm-up ones too
            throw new CommandFailure("measure rtt: " + e.getMessage() + (warmUp == 0 ? ""
                    : " (" + (warmUp + count) + " probes asked: " + warmUp + " of --warm-up, " + count + " of --count)"));
        } catch (MeasureException e) {
            throw new CommandFailure("measure rtt: " + e.getMessage());
        }
        if (r.received() == 0) {
            io.out().printf("rtt %s to %s: none of %d probes came back%n", ip.key(), host, count);
            return 1;
        }
        io.out().printf("rtt %s to %s: %d probes of %d B at %s%n", ip.key(), host, count, payload, rate);
        io.out().printf("  %-28s %d / %d  (loss %.2f %%)%n", "sent / received", r.sent(), r.received(),
                r.loss() * 100);
        io.out().printf("  %-28s %d sent first, not counted; the reflector answered %d probes in all%n", "warm-up",
                r.warmup(), r.reflected());
        io.out().printf("  %-28s %.3f ms  (stdev %.3f ms)%n", "rtt median", r.rtt().median(), r.rtt().stdev());
        io.out().printf("  %-28s %.3f / %.3f / %.3f / %.3f ms%n", "rtt min / p90 / p99 / max", r.rttPercentile(0),
                r.rttPercentile(90), r.rttPercentile(99), r.rttPercentile(100));
        if (r.jitterUs().length > 0) {
            io.out().printf("  %-28s %.1f us  (stdev %.1f us, last %.1f us)%n", "jitter (RFC 3550) median",
                    r.jitter().median(), r.jitter().stdev(), r.jitterUs()[r.jitterUs().length - 1]);
        }
        Point p = Point.builder().transport("udp").protocol(ip.key()).direction("roundtrip").payload(payload)
                .guest(host).rttMs(r.rtt()).jitterUs(r.jitterUs().length > 0 ? r.jitter() : null).loss(r.loss())
                .repliesLost((long) (r.sent() - r.received())).build();
        live.write("measure rtt " + host, List.of(p), io);
        return 0;
    }
}
