package org.vnetlab.console.commands;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options and helpers the live measurement clients share: the address family and the result files. */
final class LiveOptions {

    /** -4 or -6, at most one. */
    static final class Family {
        @Option(names = {"-4", "--ipv4"}, description = "use IPv4 (the host's IPv4 address)")
        boolean ipv4;

        @Option(names = {"-6", "--ipv6"}, description = "use IPv6 (the host's IPv6 address)")
        boolean ipv6;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Family family;

    @Mixin
    OutputOptions output;

    /** Fails with one line when a result file could not be written, before anything is measured. */
    void checkOutputs(String command) {
        output.check(command);
        if (output.toStdout()) {
            throw new UsageError(command + ": --json/--csv -: its lines go to stdout, where the result would mix with"
                    + " them; give a file");
        }
    }

    /** The host's address in the family -4/-6 ask for, or its first address. */
    InetAddress resolve(String command, String host) {
        boolean v4 = family != null && family.ipv4;
        boolean v6 = family != null && family.ipv6;
        if (host.isBlank()) {
            // the resolver takes an empty name for localhost: a test of this machine nobody asked for
            throw new UsageError(command + ": HOST is empty; give the server's host name or address");
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UsageError(command + ": unknown host '" + host + "'");
        }
        Optional<InetAddress> pick = Arrays.stream(all).filter(a -> !v4 || !(a instanceof Inet6Address))
                .filter(a -> !v6 || a instanceof Inet6Address).findFirst();
        return pick.orElseThrow(() -> new UsageError(command + ": " + host + " has no " + (v6 ? "IPv6" : "IPv4")
                + " address"));
    }

    static IpVersion version(InetAddress a) {
        return a instanceof Inet6Address ? IpVersion.IPV6 : IpVersion.IPV4;
    }

    /**
     * Writes the measurement as JSON and CSV where asked, saying so on stderr, as a result whose
     * scenario is what was measured (a host, or "rtt" and a host).
     */
    void write(String scenario, List<Point> points, Terminal io) throws IOException {
        Result r = new Result("measure", scenario, 0, Version.current(), "live", points);
        // the console's plot and report take the last result, a measurement's as a simulation's
        io.publish(r);
        output.write(r, io);
    }
}
