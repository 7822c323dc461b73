package org.vnetlab.console.commands;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.CommandFailure;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.sim.cluster.ClusterEvaluator;
import org.vnetlab.sim.cluster.ClusterExecutor;
import org.vnetlab.sim.cluster.ClusterNode;
import org.vnetlab.sim.cluster.ClusterSettings;
import org.vnetlab.sim.cluster.HostPort;
import org.vnetlab.sim.experiment.Evaluator;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.sweep.ScenarioTexts;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --cluster} and {@code --workers} (with the flags coordinators and workers share): the
 * runs of {@code sweep}, {@code sim}, {@code whatif}, {@code plan}, {@code calibrate} and
 * {@code reproduce} on a Pekko Cluster's workers instead of this machine's cores. This process
 * becomes the cluster's seed and coordinator.
 */
final class CoordinatorOptions {

    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorOptions.class);

    @Option(names = "--cluster", paramLabel = "ADDR:PORT", converter = NodeAddress.Seed.class,
            description = "make the runs on a Pekko Cluster: bind here as its seed and coordinator; workers join with"
                    + " vnetlab worker --join, so ADDR is this host's and PORT not 0 (default: on this machine)")
    HostPort cluster;

    @Option(names = "--workers", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "with --cluster: issue the first run once N workers have joined (default: 1)")
    Integer workers;

    @Mixin
    ClusterOptions clusterOptions;

    /** Where the runs are made, for the line a command prints before it starts. */
    String where(int threads) {
        return cluster == null ? String.format(Locale.ROOT, "on %d threads", threads) : "on the cluster at " + cluster;
    }

    /**
     * The coordinator of the cluster at {@code --cluster}; its notices go to stderr as "COMMAND: ...".
     *
     * @throws CommandFailure when the address cannot be bound (a port in use), before Pekko tries
     */
    ClusterExecutor executor(String command, Terminal io) {
        ClusterSettings settings = clusterOptions.settings(command);
        try {
            ClusterNode.checkCanListen(cluster);
        } catch (ClusterNode.ListenFailed e) {
            throw new CommandFailure(command + ": --cluster " + cluster + ": " + e.reason());
        }
        int wanted = workers == null ? 1 : workers;
        return new ClusterExecutor(settings, cluster, Version.current(), wanted, notice -> {
            LOG.info(notice);
            io.err().println(command + ": " + notice);
        });
    }

    /**
     * The engine of every command but {@code sweep}: this machine's cores, or the cluster, which
     * gets each scenario as its text from {@code texts} (so every scenario the command simulates
     * must be added there).
     */
    Evaluator evaluator(ScenarioTexts texts, String command, Terminal io) {
        return local(command) ? PoolEvaluator.allCores() : new ClusterEvaluator(executor(command, io), texts);
    }

    /** Refuses the cluster's flags, in one line, when they are given alone or name a key store that would not open. */
    void check(String command) {
        if (!local(command)) {
            clusterOptions.settings(command);
        }
    }

    /**
     * Whether the runs are made here; a cluster's flag (--workers, --tls, --join-timeout) without
     * --cluster is a mistake, not a setting to ignore.
     */
    boolean local(String command) {
        Optional<String> alone = workers != null ? Optional.of("--workers " + workers) : clusterOptions.given();
        if (cluster == null && alone.isPresent()) {
            throw new UsageError(command + ": " + alone.get() + " needs --cluster ADDR:PORT (without it the runs"
                    + " are made on this machine's cores)");
        }
        return cluster == null;
    }
}
