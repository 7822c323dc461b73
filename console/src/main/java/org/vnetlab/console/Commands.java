package org.vnetlab.console;

import java.util.List;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.CommandGroup;
import org.vnetlab.console.commands.BenchLiveCommand;
import org.vnetlab.console.commands.MeasureClientCommand;
import org.vnetlab.console.commands.MeasureRttCommand;
import org.vnetlab.console.commands.MeasureServeCommand;
import org.vnetlab.console.commands.ReproduceCommand;
import org.vnetlab.console.commands.ScenariosCommand;
import org.vnetlab.console.commands.ShowCommand;
import org.vnetlab.console.commands.TestbedDownCommand;
import org.vnetlab.console.commands.TestbedUpCommand;
import org.vnetlab.live.LiveSettings;
import org.vnetlab.live.control.MeasureServer.Role;

/** Every command vnetlab has, in the order help lists them. */
public final class Commands {

    private Commands() {
    }

    public static Cli cli() {
        ScenarioLoader loader = new ScenarioLoader();
        LiveSettings live = LiveSettings.load();
        return new Cli(List.of(
                new ReproduceCommand(loader),
                new ScenariosCommand(loader.catalog()),
                new ShowCommand(loader),
                new CommandGroup("measure", "measure real hosts: throughput server and client, RTT reflector and probe",
                        List.of(new MeasureServeCommand(Role.THROUGHPUT, live), new MeasureClientCommand(live, loader),
                                new MeasureServeCommand(Role.REFLECTOR, live), new MeasureRttCommand(live))),
                new CommandGroup("testbed", "two hosts as network namespaces of this machine, for measure (root)",
                        List.of(new TestbedUpCommand(), new TestbedDownCommand())),
                new CommandGroup("bench", "benchmarks that print their figures",
                        List.of(new BenchLiveCommand(live)))));
    }
}
