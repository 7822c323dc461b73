package org.vnetlab.console.commands;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.sim.cluster.ClusterNode;
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

    /**
     * The settings with the flags applied; a --tls key store that would not open is refused first,
     * in one line naming the flag, before a node starts.
     */
    ClusterSettings settings(String command) {
        ClusterSettings s = joinTimeout == null ? DEFAULTS : DEFAULTS.withJoinTimeout(joinTimeout);
        if (tls == null) {
            return s;
        }
        ClusterNode.keyStoreProblem(tls, s.keyStorePassword()).ifPresent(problem -> {
            throw new UsageError(command + ": --tls " + tls + ": " + problem);
        });
        return s.withTls(tls, s.keyStorePassword());
    }

    /** The first of these flags given, as typed ({@code --tls FILE}), for a command that makes no cluster. */
    Optional<String> given() {
        return tls != null ? Optional.of("--tls " + tls)
                : joinTimeout != null ? Optional.of("--join-timeout "
                + BigDecimal.valueOf(joinTimeout.toMillis(), 3).stripTrailingZeros().toPlainString()) : Optional.empty();
    }
}
