package org.vnetlab.console.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.checkmodel.CheckModel;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.OutputPaths;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.live.testbed.ContainerTestbed;
import org.vnetlab.live.testbed.Testbed;
import org.vnetlab.sim.validate.Effort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code testbed check-model}: the loop on this machine. Containers as namespaces on a bridge,
 * measured with vnetlab's own server and client; the container model fitted to some
 * configurations and its prediction for another measured against it.
 */
@Command(name = "check-model", description = "measure containers on this machine, fit the container model to some"
        + " configurations, predict another and measure it (root)")
public final class TestbedCheckModelCommand implements org.vnetlab.console.cli.Command {

    private final ScenarioLoader loader;

    @Option(names = "--name", paramLabel = "NAME", description = "prefix of the namespaces (default: ${DEFAULT-VALUE})")
    String name = "vnlck";

    @Option(names = "--fit-pairs", paramLabel = "LIST", split = ",", description = "container pairs measured and fitted"
            + " to (default: 1,2)")
    List<Integer> fitPairs = List.of(1, 2);

    @Option(names = "--fit-payloads", paramLabel = "LIST", split = ",", description = "UDP payloads in bytes measured"
            + " and fitted to (default: 64,1470)")
    List<Integer> fitPayloads = List.of(64, 1470);

    @Option(names = "--predict-payloads", paramLabel = "LIST", split = ",", description = "UDP payloads predicted for"
            + " the fitted pairs: measured in the same trials as the fitted payloads, held out of the fit (default:"
            + " 256,1024)")
    List<Integer> predictPayloads = List.of(256, 1024);

    @Option(names = "--predict-pairs", paramLabel = "LIST", split = ",", description = "container pairs predicted at"
            + " every payload, then measured (default: none)")
    List<Integer> predictPairs = List.of();

    @Option(names = "--trials", paramLabel = "N", converter = Converters.Trials.class,
            description = "repetitions of every measurement, for its spread (default: ${DEFAULT-VALUE})")
    int trials = 5;

    @Option(names = "--duration", paramLabel = "S", converter = Converters.PositiveInt.class,
            description = "seconds of each payload's run, per trial (default: ${DEFAULT-VALUE})")
    int seconds = 3;

    @Option(names = "--rate", paramLabel = "RATE", converter = Converters.Rate.class,
            description = "what each container is asked to send; above what a CPU can send, so the CPUs are the"
                    + " limit, not the pacing (default: 10G)")
    DataRate rate = DataRate.parse("10G");

    @Option(names = "--max-evaluations", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "candidate parameter sets the fit may try (default: ${DEFAULT-VALUE})")
    int maxEvaluations = 40;

    @Option(names = "--work", paramLabel = "DIR", description = "where the measurements' files go (default: a new"
            + " temporary directory)")
    Path work;

    public TestbedCheckModelCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        try {
            Testbed.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageError("testbed check-model: --name: " + e.getMessage());
        }
        for (List<Integer> pairs : List.of(fitPairs, predictPairs)) {
            String flag = pairs == fitPairs ? "--fit-pairs" : "--predict-pairs";
            for (int p : pairs) {
                if (p < 1 || p > ContainerTestbed.MAX_CONTAINERS) {
                    throw new UsageError("testbed check-model: " + flag + " " + p + ": expected 1 to "
                            + ContainerTestbed.MAX_CONTAINERS);
                }
                if (pairs == predictPairs && fitPairs.contains(p)) {
                    throw new UsageError("testbed check-model: --predict-pairs " + p + " is also fitted to; a"
                            + " prediction is of a configuration the fit did not see");
                }
            }
        }
        for (int p : predictPayloads) {
            if (fitPayloads.contains(p)) {
                throw new UsageError("testbed check-model: --predict-payloads " + p + " is also fitted to; a"
                        + " prediction is of a configuration the fit did not see");
            }
        }
        if (fitPairs.isEmpty() || fitPayloads.isEmpty()) {
            throw new UsageError("testbed check-model: nothing to fit to; --fit-pairs and --fit-payloads need a value");
        }
        if (predictPayloads.isEmpty() && predictPairs.isEmpty()) {
            throw new UsageError("testbed check-model: nothing to predict; give --predict-payloads or --predict-pairs");
        }
        for (List<Integer> sizes : List.of(fitPayloads, predictPayloads)) {
            String flag = sizes == fitPayloads ? "--fit-payloads" : "--predict-payloads";
            for (int p : sizes) {
                if (p < 16 || p > 1472) {
                    throw new UsageError("testbed check-model: " + flag + " " + p + ": expected 16 to 1472 bytes (MTU"
                            + " 1500)");
                }
            }
        }
        Path dir;
        if (work != null) {
            OutputPaths.checkDirectory("testbed check-model", "--work", work);
            dir = work;
        } else {
            dir = Files.createTempDirectory("vnetlab-check-model");
        }
        Effort effort = new Effort(trials, SimTime.seconds(1));
        CheckModel.Plan plan = new CheckModel.Plan(fitPairs, fitPayloads, predictPairs, predictPayloads);
        return new CheckModel(loader, io.out(), io::isCancelled).run(name, plan, rate, seconds, trials, effort,
                maxEvaluations, dir) ? 0 : 1;
    }
}
