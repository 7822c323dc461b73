package org.vnetlab.console.commands;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.sim.cluster.HostPort;
import org.vnetlab.sim.cluster.Worker;
import org.vnetlab.sim.cluster.WorkerNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A cluster worker: joins a sweep's coordinator and makes its runs until the coordinator leaves. */
@Command(name = "worker", description = "serve a cluster sweep: join its coordinator and make runs until it leaves")
public final class WorkerCommand implements org.vnetlab.console.cli.Command {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

    private final ScenarioLoader loader;

    @Option(names = "--join", paramLabel = "HOST:PORT", required = true, converter = ClusterOptions.HostPortConverter.class,
            description = "the coordinator's --cluster address (the seed)")
    HostPort join;

    @Option(names = "--bind", paramLabel = "ADDR:PORT", converter = ClusterOptions.HostPortConverter.class,
            description = "the address this worker binds to and is reached at; port 0 picks a free one"
                    + " (default: ${DEFAULT-VALUE})")
    HostPort bind = new HostPort("127.0.0.1", 0);

    @Option(names = "--slots", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "runs made at once (default: all cores)")
    Integer slots;

    @Mixin
    ClusterOptions clusterOptions;

    public WorkerCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        int slots = this.slots == null ? Runtime.getRuntime().availableProcessors() : this.slots;
        Worker.End end = WorkerNode.run(clusterOptions.settings(), bind,
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
