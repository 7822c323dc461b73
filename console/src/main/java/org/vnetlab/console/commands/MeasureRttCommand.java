package org.vnetlab.console.commands;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.LiveSettings;
import org.vnetlab.live.LiveSettings.ClientSettings;
import org.vnetlab.live.client.RttClient;
import org.vnetlab.live.client.RttResult;
import org.vnetlab.live.probe.ProbePacket;

/** {@code measure rtt HOST}: the study's RTP-like RTT and RFC 3550 jitter probe against {@code measure reflect}. */
public final class MeasureRttCommand implements Command {

    private final LiveSettings settings;

    public MeasureRttCommand(LiveSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "measure rtt";
    }

    @Override
    public String arguments() {
        return "HOST";
    }

    @Override
    public String summary() {
        return "measure RTT and RFC 3550 jitter with RTP-like probes against a measure reflect";
    }

    @Override
    public List<Option> options() {
        ClientSettings c = settings.client();
        return List.of(
                Option.value("--rate", "RATE", "rate of the probe stream", c.rttRate().toString()),
                Option.value("--payload", "N", "bytes of each probe (at least " + ProbePacket.BYTES + ")",
                        Integer.toString(c.rttPayload())),
                Option.value("--count", "N", "probes sent (RTT measurements)", Integer.toString(c.rttCount())),
                LiveOptions.IPV4, LiveOptions.IPV6,
                LiveOptions.port(settings.server().reflectPort(), "reflector's control connection"),
                LiveOptions.JSON, LiveOptions.CSV);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws IOException, InterruptedException {
        String host = args.single("host");
        ClientSettings c = settings.client();
        DataRate rate = LiveOptions.rate(args, "--rate", c.rttRate());
        int payload = args.positiveInt("--payload", c.rttPayload());
        if (payload < ProbePacket.BYTES || payload > settings.server().maxPayload()) {
            throw new UsageError(name() + ": --payload " + payload + ": expected " + ProbePacket.BYTES + "-"
                    + settings.server().maxPayload() + " bytes");
        }
        int count = args.positiveInt("--count", c.rttCount());
        int port = LiveOptions.port(args, settings.server().reflectPort());
        InetAddress server = LiveOptions.resolve(args, host);
        IpVersion ip = LiveOptions.version(server);
        RttResult r = new RttClient(server, port).run(ip, payload, rate, count, c.rttWarmup(), c.rttWait());
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
                .build();
        for (Path f : LiveOptions.write(args, "measure rtt " + host, List.of(p))) {
            io.out().println("wrote " + f);
        }
        return 0;
    }
}
