package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.sim.cluster.ClusterSettings;
import org.vnetlab.sim.cluster.HostPort;

/** The flags a coordinator and a worker share: how long to wait, and TLS. Defaults come from reference.conf. */
final class ClusterOptions {

    static final ClusterSettings DEFAULTS = ClusterSettings.load();
    static final Option JOIN_TIMEOUT = Option.value("--join-timeout", "SECONDS",
            "give up joining (worker) or waiting for a first worker (coordinator) after this long",
            String.valueOf(DEFAULTS.joinTimeout().toSeconds()));
    static final Option TLS = Option.value("--tls", "KEYSTORE", "Artery over TLS with this PKCS12 key store"
            + " (also the trust store; password in $" + ClusterSettings.PASSWORD_VARIABLE + ")", "off");

    private ClusterOptions() {
    }

    static List<Option> all() {
        return List.of(JOIN_TIMEOUT, TLS);
    }

    static ClusterSettings settings(ParsedArgs args) {
        ClusterSettings s = DEFAULTS;
        if (args.has(JOIN_TIMEOUT.name())) {
            double seconds = args.value(JOIN_TIMEOUT.name(), Double::parseDouble, "expected seconds, more than 0").get();
            if (!(seconds > 0)) {
                throw new UsageError(args.command() + ": " + JOIN_TIMEOUT.name() + " " + seconds
                        + ": expected seconds, more than 0");
            }
            s = s.withJoinTimeout(Duration.ofMillis(Math.round(seconds * 1000)));
        }
        if (args.has(TLS.name())) {
            s = s.withTls(Path.of(args.value(TLS.name()).get()), s.keyStorePassword());
        }
        return s;
    }

    static HostPort hostPort(ParsedArgs args, Option o) {
        return args.value(o.name(), HostPort::parse, "expected HOST:PORT, e.g. 127.0.0.1:2552").orElse(null);
    }
}
