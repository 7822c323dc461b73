package org.vnetlab.console.commands;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultCsv;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.units.DataRate;

/** Options and helpers the live measurement commands share. */
final class LiveOptions {

    static final Option IPV4 = Option.flag("--ipv4", "use IPv4 (the host's IPv4 address)").withAlias("-4");
    static final Option IPV6 = Option.flag("--ipv6", "use IPv6 (the host's IPv6 address)").withAlias("-6");
    static final Option JSON = Option.value("--json", "FILE", "write the result as JSON (schema vnetlab.result/1)", null);
    static final Option CSV = Option.value("--csv", "FILE", "write the result as CSV", null);

    private LiveOptions() {
    }

    static Option port(int defaultPort, String what) {
        return Option.value("--port", "N", "TCP port of the " + what, Integer.toString(defaultPort));
    }

    static int port(ParsedArgs args, int fallback) {
        int p = args.value("--port", Integer::parseInt, "expected a port number 1-65535").orElse(fallback);
        if (p < 1 || p > 65535) {
            throw new UsageError(args.command() + ": --port " + p + ": expected a port number 1-65535");
        }
        return p;
    }

    static DataRate rate(ParsedArgs args, String flag, DataRate fallback) {
        return args.value(flag, DataRate::parse, "expected a rate such as 1000M, 1G or 500Mbit/s").orElse(fallback);
    }

    /** The host's address in the family -4/-6 ask for, or its first address. */
    static InetAddress resolve(ParsedArgs args, String host) {
        if (args.has("--ipv4") && args.has("--ipv6")) {
            throw new UsageError(args.command() + ": -4 and -6 exclude each other");
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UsageError(args.command() + ": unknown host '" + host + "'");
        }
        Optional<InetAddress> pick = Arrays.stream(all).filter(a -> !args.has("--ipv4") || !(a instanceof Inet6Address))
                .filter(a -> !args.has("--ipv6") || a instanceof Inet6Address).findFirst();
        return pick.orElseThrow(() -> new UsageError(args.command() + ": " + host + " has no "
                + (args.has("--ipv6") ? "IPv6" : "IPv4") + " address"));
    }

    static IpVersion version(InetAddress a) {
        return a instanceof Inet6Address ? IpVersion.IPV6 : IpVersion.IPV4;
    }

    /** Writes the measurement as JSON and CSV where asked; returns the files written. */
    static List<Path> write(ParsedArgs args, String scenario, List<Point> points) throws IOException {
        Result r = new Result("measure", scenario, 0, Version.current(), "live", points);
        Optional<Path> json = args.path("--json");
        Optional<Path> csv = args.path("--csv");
        if (json.isPresent()) {
            Files.writeString(json.get(), ResultJson.write(r));
        }
        if (csv.isPresent()) {
            Files.writeString(csv.get(), ResultCsv.write(r));
        }
        return java.util.stream.Stream.of(json, csv).flatMap(Optional::stream).toList();
    }
}
