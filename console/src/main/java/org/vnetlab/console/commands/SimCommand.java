package org.vnetlab.console.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.format.ResultTable;
import org.vnetlab.console.progress.Progress;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultCsv;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.calibrate.Provenance;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.RunPool;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.RunSpec;
import org.vnetlab.sim.experiment.SimOptions;

/** Simulates a scenario with the study's method and prints and writes the result. */
public final class SimCommand implements Command {

    static final Option PROTOCOL = Option.value("--protocol", "ipv4|ipv6|both", "network protocol", "both");
    static final Option TRANSPORT = Option.value("--transport", "udp|tcp|both", "transport", "udp");
    static final Option SIZES = Option.value("--sizes", "LIST", "UDP payload sizes, e.g. 36,200,1470",
            "the scenario's");
    static final Option TRIALS = Option.value("--trials", "N", "trials per point (the median is reported)",
            "the scenario's method.trials");
    static final Option DURATION = Option.value("--duration", "SECONDS", "duration of each direction",
            "the scenario's");
    static final Option SEED = Option.value("--seed", "N", "root seed", "the scenario's method.seed");
    static final Option JSON = Option.value("--json", "FILE", "write the result as JSON (vnetlab.result/1)", null);
    static final Option CSV = Option.value("--csv", "FILE", "write the result as CSV", null);
    static final Option QUIET = Option.flag("--quiet", "no progress bar");

    private final ScenarioLoader loader;

    public SimCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public String arguments() {
        return "SCENARIO|FILE";
    }

    @Override
    public String summary() {
        return "simulate a scenario with the study's method: throughput, loss and CPU per payload";
    }

    @Override
    public boolean takesScenario() {
        return true;
    }

    @Override
    public List<Option> options() {
        return List.of(PROTOCOL, TRANSPORT, SIZES, TRIALS, DURATION, SEED, ScenarioOptions.SET, ScenarioOptions.PARAMS,
                JSON, CSV, QUIET);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws Exception {
        String name = args.single("scenario name or file");
        List<String> sets = new ArrayList<>(args.values(ScenarioOptions.SET.name()));
        args.value(SEED.name(), Long::parseLong, "expected an integer").ifPresent(s -> sets.add("method.seed=" + s));
        Path params = args.path(ScenarioOptions.PARAMS.name()).orElse(null);
        LoadedScenario loaded = loader.load(name, sets, params);
        Result result = simulate(loaded, options(args), io, args.has(QUIET.name()));
        io.publish(result);
        io.out().print(ResultTable.render(result));
        io.out().println(Provenance.of(loader, params).describe(name, sets, result));
        write(args, result, io);
        return 0;
    }

    static SimOptions options(ParsedArgs args) {
        List<IpVersion> protocols = switch (args.value(PROTOCOL.name()).orElse("both")) {
            case "ipv4" -> List.of(IpVersion.IPV4);
            case "ipv6" -> List.of(IpVersion.IPV6);
            case "both" -> List.of(IpVersion.IPV4, IpVersion.IPV6);
            default -> throw new UsageError(args.command() + ": --protocol " + args.value(PROTOCOL.name()).get()
                    + ": expected ipv4, ipv6 or both");
        };
        List<Transport> transports = switch (args.value(TRANSPORT.name()).orElse("udp")) {
            case "udp" -> List.of(Transport.UDP);
            case "tcp" -> List.of(Transport.TCP);
            case "both" -> List.of(Transport.UDP, Transport.TCP);
            default -> throw new UsageError(args.command() + ": --transport " + args.value(TRANSPORT.name()).get()
                    + ": expected udp, tcp or both");
        };
        List<Integer> sizes = args.value(SIZES.name(), s -> Arrays.stream(s.split(",")).map(String::trim)
                .map(Integer::parseInt).peek(v -> {
                    if (v <= 0 || v > 65507) {
                        throw new IllegalArgumentException();
                    }
                }).toList(), "expected a comma-separated list of payload sizes in bytes (1..65507)").orElse(null);
        Integer trials = args.has(TRIALS.name()) ? args.positiveInt(TRIALS.name(), 1) : null;
        return new SimOptions(protocols, transports, sizes, trials, duration(args, DURATION).orElse(null));
    }

    /** A duration flag in seconds (more than 0, at most an hour), as nanoseconds. */
    static Optional<Long> duration(ParsedArgs args, Option option) {
        return args.value(option.name(), s -> {
            double v = Double.parseDouble(s);
            if (!(v > 0 && v <= 3600)) {
                throw new IllegalArgumentException();
            }
            return SimTime.seconds(v);
        }, "expected seconds, more than 0 and at most 3600");
    }

    /** Runs the options' runs on all cores with a progress line on a terminal. */
    static Result simulate(LoadedScenario loaded, SimOptions options, Terminal io, boolean quiet) throws Exception {
        Scenario s = loaded.scenario();
        List<RunSpec> specs = Experiment.plan(s, options);
        if (specs.isEmpty()) {
            throw new UsageError("sim: scenario " + s.name() + " has nothing to simulate with these options"
                    + " (its workloads: " + String.join(", ", s.workloads().stream().map(w -> w.type()).toList()) + ")");
        }
        Progress bar = Progress.start(quiet ? io.quiet() : io, specs.size());
        List<RunResult> results;
        try (RunPool pool = RunPool.allCores()) {
            results = pool.runAll(s, specs, (done, total) -> bar.step(), io::isCancelled);
        } finally {
            bar.done();
        }
        return Experiment.aggregate(s, Version.current(), loaded.parameters(), results);
    }

    static void write(ParsedArgs args, Result result, Terminal io) throws IOException {
        if (args.has(JSON.name())) {
            Path p = Path.of(args.value(JSON.name()).get());
            Files.writeString(p, ResultJson.write(result));
            io.err().println("wrote " + p);
        }
        if (args.has(CSV.name())) {
            Path p = Path.of(args.value(CSV.name()).get());
            Files.writeString(p, ResultCsv.write(result));
            io.err().println("wrote " + p);
        }
    }
}
