package org.vnetlab.console.commands;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.net.IpAddress;
import org.vnetlab.live.data.ClientText;

/** {@code --bind ADDR} of a server: an address of this host to listen on, checked before the server starts. */
final class BindAddress {

    /** What any server may listen on, named in every refusal. */
    private static final String VALID = "give an address of this host, or :: or 0.0.0.0 for all of them";
    /** This host's addresses a refusal lists at most. */
    private static final int LISTED = 4;

    private BindAddress() {
    }

    /** {@code value} as an address this host can listen on; a one-line usage error naming --bind when not. */
    static InetAddress parse(String command, String value) {
        String where = command + ": --bind '" + ClientText.of(value) + "': ";
        if (value.isBlank()) {
            // the resolver takes an empty name for localhost, which is not what the default (::) means
            throw new UsageError(command + ": --bind is empty; " + VALID);
        }
        if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            throw new UsageError(where + "an address takes no port (the port is --port); " + VALID);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new UsageError(where + "not an address nor a known host name; " + VALID);
        }
        if (!isOfThisHost(address)) {
            throw new UsageError(where + notOfThisHost() + "; " + VALID);
        }
        return address;
    }

    /** The wildcard, a loopback address (Linux answers on all of 127/8) or one an interface holds. */
    static boolean isOfThisHost(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Why an address {@link #isOfThisHost} refuses cannot be listened on, with some that can. */
    static String notOfThisHost() {
        return "not an address of this host (its addresses include " + some() + ")";
    }

    private static String some() {
        try {
            List<String> all = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(NetworkInterface::inetAddresses)
                    .map(a -> IpAddress.parse(a.getHostAddress().replaceFirst("%.*$", "")).toString())
                    .distinct().toList();
            return all.stream().limit(LISTED).collect(Collectors.joining(", "))
                    + (all.size() > LISTED ? ", ..." : "");
        } catch (SocketException e) {
            return "none this process could list";
        }
    }
}
