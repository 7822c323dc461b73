package org.vnetlab.console;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.chart.PlotCommand;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Group;
import org.vnetlab.console.commands.BenchEmulateCommand;
import org.vnetlab.console.commands.BenchLiveCommand;
import org.vnetlab.console.commands.BenchSimCommand;
import org.vnetlab.console.commands.BenchSweepCommand;
import org.vnetlab.console.commands.CalibrateCommand;
import org.vnetlab.console.commands.EmulateCommand;
import org.vnetlab.console.commands.MeasureClientCommand;
import org.vnetlab.console.commands.MeasureRttCommand;
import org.vnetlab.console.commands.MeasureServeCommand;
import org.vnetlab.console.commands.ParamsCommand;
import org.vnetlab.console.commands.PlanCommand;
import org.vnetlab.console.commands.ReproduceCommand;
import org.vnetlab.console.commands.ScenariosCommand;
import org.vnetlab.console.commands.ShowCommand;
import org.vnetlab.console.commands.SimCommand;
import org.vnetlab.console.commands.SweepCommand;
import org.vnetlab.console.commands.TestbedCheckModelCommand;
import org.vnetlab.console.commands.TestbedDownCommand;
import org.vnetlab.console.commands.TestbedUpCommand;
import org.vnetlab.console.commands.ValidateCommand;
import org.vnetlab.console.commands.SensitivityCommand;
import org.vnetlab.console.commands.WhatifCommand;
import org.vnetlab.console.commands.WorkerCommand;
import org.vnetlab.console.repl.ConsoleCommand;
import org.vnetlab.console.report.ReportCommand;
import org.vnetlab.console.session.Session;
import org.vnetlab.console.session.SetCommand;
import org.vnetlab.console.session.UnsetCommand;
import org.vnetlab.console.session.UseCommand;
import org.vnetlab.live.LiveSettings;

/** Every command vnetlab has, in the order help lists them. */
public final class Commands {

    private Commands() {
    }

    /** The command line: every command, and {@code console} to open the interactive console. */
    public static Cli cli() {
        ScenarioLoader loader = new ScenarioLoader();
        LiveSettings live = LiveSettings.load();
        return new Cli(() -> {
            List<Object> all = new ArrayList<>(commands(new Session(loader), live));
            all.add(new ConsoleCommand(loader, Commands::console));
            return all;
        });
    }

    /** The console's commands: every command, and use/set/unset over the shared session. */
    public static Cli console(Session session) {
        LiveSettings live = LiveSettings.load();
        return new Cli(() -> consoleCommands(session, live));
    }

    public static List<Object> consoleCommands(Session session, LiveSettings live) {
        List<Object> all = new ArrayList<>(commands(session, live));
        all.add(new UseCommand(session));
        all.add(new SetCommand(session));
        all.add(new UnsetCommand(session));
        return all;
    }

    /** The commands both the command line and the console have; plot and report default to the session's result. */
    private static List<Object> commands(Session session, LiveSettings live) {
        ScenarioLoader loader = session.loader();
        return List.of(
                new ReproduceCommand(loader),
                new ScenariosCommand(loader.catalog()),
                new ShowCommand(loader),
                new ParamsCommand(loader),
                new SimCommand(loader),
                new ValidateCommand(loader),
                new CalibrateCommand(loader),
                new WhatifCommand(loader),
                new SensitivityCommand(loader),
                new Group("plan", PlanCommand.SUMMARY,
                        List.of(new PlanCommand.Guests(loader), new PlanCommand.CpuSpeed(loader))),
                new EmulateCommand(loader),
                new SweepCommand(loader),
                new WorkerCommand(loader),
                new PlotCommand(session),
                new ReportCommand(session),
                new Group("measure", "measure real hosts: throughput server and client, RTT reflector and probe",
                        List.of(new MeasureServeCommand.Server(live), new MeasureClientCommand(live, loader),
                                new MeasureServeCommand.Reflect(live), new MeasureRttCommand(live))),
                new Group("testbed", "network namespaces of this machine: two hosts for measure, or the container"
                        + " model checked against containers (root)",
                        List.of(new TestbedUpCommand(), new TestbedDownCommand(), new TestbedCheckModelCommand(loader))),
                new Group("bench", "benchmarks that print their figures",
                        List.of(new BenchSimCommand(loader), new BenchLiveCommand(live), new BenchEmulateCommand(loader),
                                new BenchSweepCommand(loader))));
    }
}
