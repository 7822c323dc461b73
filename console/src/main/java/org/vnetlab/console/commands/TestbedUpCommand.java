package org.vnetlab.console.commands;

import java.time.Duration;
import java.util.List;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.testbed.Shaping;
import org.vnetlab.live.testbed.Testbed;

/** {@code testbed up}: two hosts as network namespaces joined by veth, optionally bridged and shaped. */
public final class TestbedUpCommand implements Command {

    static final Option NAME = Option.value("--name", "NAME", "prefix of the namespaces (NAME1, NAME2)",
            Testbed.DEFAULT_NAME);

    @Override
    public String name() {
        return "testbed up";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "make two hosts as network namespaces joined by a veth pair (root)";
    }

    @Override
    public List<Option> options() {
        return List.of(NAME,
                Option.flag("--bridge", "put host 1's end on a Linux bridge (like Xen's Dom0 bridge)"),
                Option.value("--rate", "RATE", "shape each side's egress to this rate (tc tbf)", null),
                Option.value("--delay", "MS", "add this one-way delay in milliseconds on each side (tc netem)", null),
                Option.value("--loss", "PERCENT", "drop this percent of packets on each side (tc netem)", null));
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        if (!args.positional().isEmpty()) {
            throw new UsageError(name() + ": takes no arguments, got " + String.join(" ", args.positional()));
        }
        String name = name(args);
        DataRate rate = args.value("--rate", DataRate::parse, "expected a rate such as 100M or 1G").orElse(null);
        Duration delay = args.value("--delay", v -> {
            double ms = Double.parseDouble(v);
            if (ms < 0 || ms > 10_000) {
                throw new IllegalArgumentException();
            }
            return Duration.ofNanos(Math.round(ms * 1e6));
        }, "expected milliseconds, 0-10000").orElse(null);
        double loss = args.value("--loss", v -> {
            double p = Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1) : v);
            if (p < 0 || p > 100) {
                throw new IllegalArgumentException();
            }
            return p;
        }, "expected a percentage, 0-100").orElse(0.0);
        Testbed t = Testbed.up(name, args.has("--bridge"), new Shaping(rate, delay, loss));
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

    static String name(ParsedArgs args) {
        String name = args.value("--name").orElse(Testbed.DEFAULT_NAME);
        try {
            Testbed.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageError(args.command() + ": --name: " + e.getMessage());
        }
        return name;
    }
}
