package org.vnetlab.console.commands;

import java.time.Duration;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.testbed.Shaping;
import org.vnetlab.live.testbed.Testbed;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code testbed up}: two hosts as network namespaces joined by veth, optionally bridged and shaped. */
@Command(name = "up", description = "make two hosts as network namespaces joined by a veth pair (root)")
public final class TestbedUpCommand implements org.vnetlab.console.cli.Command {

    /** --name, which testbed up and down share. */
    static final class Name {
        @Option(names = "--name", paramLabel = "NAME", description = "prefix of the namespaces, NAME1 and NAME2"
                + " (default: ${DEFAULT-VALUE})")
        String name = Testbed.DEFAULT_NAME;

        String checked(String command) {
            try {
                Testbed.checkName(name);
            } catch (IllegalArgumentException e) {
                throw new UsageError(command + ": --name: " + e.getMessage());
            }
            return name;
        }
    }

    @Mixin
    Name testbed;

    @Option(names = "--bridge", description = "put host 1's end on a Linux bridge (like Xen's Dom0 bridge)")
    boolean bridge;

    private static final DataRate MIN_RATE = DataRate.bitsPerSecond(8_000);
    private static final DataRate MAX_RATE = DataRate.gbps(100);

    @Option(names = "--rate", paramLabel = "RATE", converter = Converters.Rate.class,
            description = "shape each side's egress to this rate (tc tbf)")
    DataRate rate;

    @Option(names = "--delay", paramLabel = "MS", converter = Millis.class,
            description = "add this one-way delay in milliseconds on each side (tc netem)")
    Duration delay;

    @Option(names = "--loss", paramLabel = "PERCENT", converter = Percent.class,
            description = "drop this percent of packets on each side (tc netem)")
    double loss;

    @Override
    public int run(Terminal io) {
        if (rate != null && (rate.bitsPerSecond() < MIN_RATE.bitsPerSecond() || rate.bitsPerSecond() > MAX_RATE.bitsPerSecond())) {
            // tc takes neither: below, tbf has no rate to shape to; above, its burst overflows
            throw new UsageError("testbed up: --rate " + rate + ": " + MIN_RATE + " to " + MAX_RATE);
        }
        String name = testbed.checked("testbed up");
        Testbed t = Testbed.up(name, bridge, new Shaping(rate, delay, loss));
        io.out().printf("testbed %s up%s, shaping: %s%n", t.name(), t.bridged() ? " (host 1 bridged on br0)" : "",
                t.shaping());
        io.out().printf("%-5s %-10s %-8s %-14s %s%n", "host", "namespace", "device", "ipv4", "ipv6");
        for (int host = 1; host <= 2; host++) {
            io.out().printf("%-5d %-10s %-8s %-14s %s%n", host, t.namespace(host),
                    host == 1 && t.bridged() ? "br0" : t.device(host), Testbed.ipv4(host) + "/24",
                    Testbed.ipv6(host) + "/64");
        }
        io.out().printf("run a command on a host: ip netns exec %s ./vnetlab measure server%n", t.namespace(1));
        io.out().printf("remove it:               ./vnetlab testbed down%s%n",
                name.equals(Testbed.DEFAULT_NAME) ? "" : " --name " + name);
        return 0;
    }

    /** Milliseconds, 0-10000. */
    static final class Millis implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                double ms = Double.parseDouble(value);
                if (ms >= 0 && ms <= 10_000) {
                    return Duration.ofNanos(Math.round(ms * 1e6));
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new TypeConversionException("expected milliseconds, 0-10000");
        }
    }

    /** A percentage 0-100, with or without '%'. */
    static final class Percent implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double p = Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
                if (p >= 0 && p <= 100) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new TypeConversionException("expected a percentage, 0-100");
        }
    }
}
