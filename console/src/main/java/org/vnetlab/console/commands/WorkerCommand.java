package org.vnetlab.console.commands;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.CommandFailure;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.CtrlC;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.sim.cluster.ClusterNode;
import org.vnetlab.sim.cluster.ClusterSettings;
import org.vnetlab.sim.cluster.HostPort;
import org.vnetlab.sim.cluster.WorkerNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A cluster worker: serves the coordinators at its seed address one after another (a sweep, sim,
 * whatif, plan, calibrate or reproduce with --cluster) until stopped with Ctrl-C, or only the
 * first with --once.
 */
@Command(name = "worker", description = "serve cluster coordinators (sweep, sim, whatif, plan, calibrate,"
        + " reproduce with --cluster): join the one at --join, make its runs, then wait for the next; until Ctrl-C")
public final class WorkerCommand implements org.vnetlab.console.cli.Command {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

    private final ScenarioLoader loader;

    @Option(names = "--join", paramLabel = "HOST:PORT", required = true, converter = NodeAddress.Join.class,
            description = "the coordinators' --cluster address (the seed)")
    HostPort join;

    @Option(names = "--bind", paramLabel = "ADDR:PORT", converter = NodeAddress.Worker.class,
            description = "the address this worker binds to and is reached at; port 0 picks a free one"
                    + " (default: ${DEFAULT-VALUE})")
    HostPort bind = new HostPort("127.0.0.1", 0);

    @Option(names = "--slots", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "runs made at once (default: all cores)")
    Integer slots;

    @Option(names = "--once", description = "end when the first coordinator is done (default: serve one after another)")
    boolean once;

    @Mixin
    ClusterOptions clusterOptions;

    public WorkerCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        checkReachable(bind, join);
        ClusterSettings settings = clusterOptions.settings("worker");
        int slots = this.slots == null ? Runtime.getRuntime().availableProcessors() : this.slots;
        WorkerNode.Outcome outcome;
        try (CtrlC stop = new CtrlC(io)) {
            outcome = WorkerNode.serve(settings, bind, join, slots, Version.current(), loader, once,
                    stop, notice -> {
                        LOG.info(notice);
                        io.err().println("worker: " + notice);
                    });
        } catch (ClusterNode.ListenFailed e) {
            throw new CommandFailure("worker: --bind " + bind + ": " + e.reason());
        }
        if (outcome.error() != null) {
            io.err().println("vnetlab: worker: " + outcome.error());
            return Cli.FAILURE;
        }
        io.err().println("worker: " + outcome.message());
        return Cli.OK;
    }

    /**
     * Fails in one line when the worker could never reach its coordinator, which would otherwise
     * show only as "no coordinator found" after the join timeout: --join naming this worker's own
     * --bind, or an address of the other IP family than the one it binds.
     */
    static void checkReachable(HostPort bind, HostPort join) {
        if (bind.equals(join)) {
            throw new UsageError("worker: --join " + join + " is this worker's own --bind: a worker joins a"
                    + " coordinator (sim ... --cluster " + join + "), not itself");
        }
        Boolean bindV6 = ipv6Literal(bind.host());
        Boolean joinV6 = ipv6Literal(join.host());
        if (bindV6 != null && joinV6 != null && !bindV6.equals(joinV6)) {
            throw new UsageError("worker: --join " + join + " is " + (joinV6 ? "IPv6" : "IPv4") + " but --bind " + bind
                    + " is " + (bindV6 ? "IPv6" : "IPv4") + ": bind an address of --join's family (e.g. --bind "
                    + (joinV6 ? "[::1]:0" : "127.0.0.1:0") + ")");
        }
    }

    /** True for an IPv6 address literal, false for an IPv4 one, null for a host name. */
    private static Boolean ipv6Literal(String host) {
        if (host.contains(":")) {
            return true;
        }
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? false : null;
    }
}
