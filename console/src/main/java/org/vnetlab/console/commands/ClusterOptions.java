package org.vnetlab.console.commands;

import java.nio.file.Path;
import java.time.Duration;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.sim.cluster.ClusterSettings;
import picocli.CommandLine.Option;

/** The flags a coordinator and a worker share: how long to wait, and TLS. Defaults come from reference.conf. */
final class ClusterOptions {

    static final ClusterSettings DEFAULTS = ClusterSettings.load();

    @Option(names = "--join-timeout", paramLabel = "SECONDS", converter = Converters.Seconds.class,
            description = "give up waiting for a first coordinator (worker) or for the workers, or for a new one"
                    + " when all were lost (coordinator), after this long (default: vnetlab.cluster.join-timeout, 30)")
    Duration joinTimeout;

    @Option(names = "--tls", paramLabel = "KEYSTORE", description = "Artery over TLS with this PKCS12 key store"
            + " (also the trust store; password in $" + ClusterSettings.PASSWORD_VARIABLE + "; default: off)")
    Path tls;

    ClusterSettings settings() {
        ClusterSettings s = joinTimeout == null ? DEFAULTS : DEFAULTS.withJoinTimeout(joinTimeout);
        return tls == null ? s : s.withTls(tls, s.keyStorePassword());
    }
}
