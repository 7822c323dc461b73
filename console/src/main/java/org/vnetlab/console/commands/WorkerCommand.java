package org.vnetlab.console.commands;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.sim.cluster.HostPort;
import org.vnetlab.sim.cluster.Worker;
import org.vnetlab.sim.cluster.WorkerNode;

/** A cluster worker: joins a sweep's coordinator and makes its runs until the coordinator leaves. */
public final class WorkerCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);
    static final Option JOIN = Option.value("--join", "HOST:PORT", "the coordinator's --cluster address (the seed)",
            null);
    static final Option BIND = Option.value("--bind", "ADDR:PORT",
            "the address this worker binds to and is reached at; port 0 picks a free one", "127.0.0.1:0");
    static final Option SLOTS = Option.value("--slots", "N", "runs made at once", "all cores");

    private final ScenarioLoader loader;

    public WorkerCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "worker";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "serve a cluster sweep: join its coordinator and make runs until it leaves";
    }

    @Override
    public List<Option> options() {
        return List.of(JOIN, BIND, SLOTS, ClusterOptions.JOIN_TIMEOUT, ClusterOptions.TLS);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws Exception {
        if (!args.positional().isEmpty()) {
            throw new UsageError("worker: takes no arguments, got " + String.join(" ", args.positional()));
        }
        HostPort join = ClusterOptions.hostPort(args, JOIN);
        if (join == null) {
            throw new UsageError("worker: --join HOST:PORT is required (the address of vnetlab sweep --cluster)");
        }
        HostPort bind = ClusterOptions.hostPort(args, BIND);
        int slots = args.positiveInt(SLOTS.name(), Runtime.getRuntime().availableProcessors());
        Worker.End end = WorkerNode.run(ClusterOptions.settings(args), bind == null ? new HostPort("127.0.0.1", 0) : bind,
                join, slots, Version.current(), loader, notice -> {
                    LOG.info(notice);
                    io.err().println("worker: " + notice);
                });
        if (end.error() != null) {
            io.err().println("vnetlab: worker: " + end.error());
            return Cli.FAILURE;
        }
        io.err().println("worker: " + end.message());
        return Cli.OK;
    }
}
