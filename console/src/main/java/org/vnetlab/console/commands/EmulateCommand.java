package org.vnetlab.console.commands;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.config.Version;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.format.EmulatorLine;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.live.emulate.Counters;
import org.vnetlab.live.emulate.EmulationResult;
import org.vnetlab.live.emulate.Emulator;
import org.vnetlab.live.emulate.Emulators;
import org.vnetlab.live.emulate.IngressRing;
import org.vnetlab.live.emulate.Supervisor;
import org.vnetlab.sim.forward.ForwardingHost;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Runs a scenario's machine 1 in real time between real sockets: datagrams arriving at --listen
 * cross the modelled host to a guest and leave for --forward (or, with --reflect, back to their
 * sender) when the model says they reach the far end of the wire. With --tcp, each connection
 * to --listen is terminated in the modelled guest and opened again from it to --forward.
 */
@Command(name = "emulate",
        description = "forward real UDP datagrams or TCP connections through a scenario's modelled host in real time")
public final class EmulateCommand implements ScenarioCommand {

    /** Where the guest's traffic goes: on to an address, or back to each sender. */
    static final class Destination {
        @Option(names = "--forward", paramLabel = "ADDR:PORT", converter = SocketAddressConverter.class,
                description = "where the guest's traffic goes on to")
        InetSocketAddress forward;

        @Option(names = "--reflect", description = "the guest's reflector answers each datagram to its sender")
        boolean reflect;
    }

    /** --udp or --tcp. */
    static final class Carried {
        @Option(names = "--udp", description = "carry UDP datagrams (the default)")
        boolean udp;

        @Option(names = "--tcp", description = "carry TCP connections, terminated in the guest and opened again")
        boolean tcp;
    }

    private final ScenarioLoader loader;

    @Parameters(paramLabel = "SCENARIO|FILE", description = "a bundled scenario (vnetlab scenarios) or a .conf file")
    String scenario;

    @Option(names = "--guest", paramLabel = "NAME",
            description = "the guest the traffic goes through (default: the scenario's measured guest)")
    String guest;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", required = true, converter = SocketAddressConverter.class,
            description = "where datagrams or connections arrive ([::1]:9000 for IPv6)")
    InetSocketAddress listen;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Destination destination;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Carried carried;

    @Option(names = "--duration", paramLabel = "SECONDS", converter = Converters.Seconds.class,
            description = "stop after this long (default: until Ctrl-C)")
    Duration duration;

    @Option(names = "--seed", paramLabel = "N", description = "the model's seed (default: the scenario's method.seed)")
    Long seed;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON (vnetlab.result/1)")
    String json;

    @Spec
    CommandSpec commandSpec;

    public EmulateCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) throws Exception {
        boolean tcp = carried != null && carried.tcp;
        boolean reflect = destination.reflect;
        InetSocketAddress forward = destination.forward;
        if (tcp && reflect) {
            throw new UsageError("emulate: --reflect answers datagrams (the RTT probe's); with --tcp give --forward");
        }
        if (forward != null && (forward.getAddress() instanceof Inet6Address) != (listen.getAddress() instanceof Inet6Address)) {
            throw new UsageError("emulate: --listen and --forward must both be IPv4 or both IPv6");
        }
        if (forward != null) {
            ForwardAddress.whyNot(forward, listen, tcp ? Transport.TCP : Transport.UDP).ifPresent(why -> {
                throw new UsageError("emulate: --forward " + typed("--forward") + ": " + why);
            });
        }
        if (OutputOptions.STDOUT.equals(json)) {
            throw new UsageError("emulate: --json -: the per-second lines go to stdout; give a file for the result");
        }
        OutputOptions.check("emulate", "--json", json);
        LoadedScenario loaded = scenarioOptions.load(loader, scenario);
        Scenario s = loaded.scenario();
        String guest = this.guest != null ? this.guest : ForwardingHost.defaultGuest(s);
        if (!s.platform().guestNames().contains(guest)) {
            throw new UsageError("emulate: --guest " + guest + ": no such guest in " + s.name() + " (it has: "
                    + String.join(", ", s.platform().guestNames()) + ")");
        }
        Emulators.Spec spec;
        try {
            spec = new Emulators.Spec(s, seed != null ? seed : s.method().seed(), guest, tcp ? Transport.TCP : Transport.UDP,
                    listen, forward);
        } catch (IllegalArgumentException e) {
            throw new UsageError("emulate: " + (tcp ? "--tcp: " : "") + e.getMessage());
        }
        EmulatorLine line = new EmulatorLine();
        AtomicReference<String> failure = new AtomicReference<>();
        Supervisor.Listener listener = new Supervisor.Listener() {
            @Override
            public void second(Counters c) {
                io.out().println(line.next(c));
            }

            @Override
            public void failed(String component, String message) {
                failure.set(component + ": " + message);
            }
        };
        Emulators.Started started;
        try {
            started = Emulators.start(spec, Emulator.settings(), listener);
        } catch (Emulators.ListenFailed e) {
            throw new UsageError("emulate: --listen " + listen + ": " + e.getCause().getMessage());
        } catch (IngressRing.TooLarge e) {
            throw new UsageError("emulate: " + e.getMessage() + "; lower vnetlab.emulator.slots or slot-bytes");
        }
        io.out().println("emulating " + s.name() + ": " + started.route() + "; Ctrl-C stops");
        Emulator emulator = started.emulator();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger exit = new AtomicInteger(Cli.OK);
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                exit.set(report(emulator, loaded, spec, io));
            }
        };
        Thread hook = new Thread(finish, "vnetlab-emulate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end && !io.isCancelled() && !emulator.awaitTermination(Duration.ofMillis(100))) {
            // the emulator runs on its own threads; this one waits for the end
        }
        if (failure.get() != null) {
            removeHook(hook);
            emulator.awaitTermination(Duration.ofSeconds(5));
            io.err().println("emulate: " + failure.get());
            return Cli.FAILURE;
        }
        finish.run();
        removeHook(hook);
        return exit.get();
    }

    /** The --forward value as typed (an IPv6 address as given, not expanded). */
    private String typed(String option) {
        return commandSpec.findOption(option).originalStringValues().get(0);
    }

    /** Removes the stop hook, unless the JVM is already stopping (then the hook is what finished the run). */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // SIGTERM or Ctrl-C: the hook reported and wrote the result
        }
    }

    /** Stops the emulator, prints its totals and writes the result; the exit code: 1 when the result is lost. */
    private int report(Emulator emulator, LoadedScenario loaded, Emulators.Spec spec, Terminal io) {
        Transport transport = spec.transport();
        Counters c;
        try {
            c = emulator.finish().toCompletableFuture().get(10, TimeUnit.SECONDS);
            emulator.awaitTermination(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            io.err().println("emulate: stopping: interrupted");
            return Cli.FAILURE;
        } catch (ExecutionException | TimeoutException e) {
            io.err().println("emulate: stopping: " + (e.getCause() != null ? e.getCause().getMessage() : e));
            return Cli.FAILURE;
        }
        Result r = EmulationResult.of(loaded.scenario().name(), spec.seed(), Version.current(), loaded.parameters(),
                transport.key(), spec.ip().key(), spec.reflects() ? EmulationResult.ROUNDTRIP : EmulationResult.FORWARD,
                spec.guest(), c);
        io.publish(r);
        io.out().printf(Locale.ROOT, "total: %.1f s, %d %s in, %d out, %.2f Mbit/s out, drops %s%n",
                c.elapsedNanos() / 1e9, c.packetsIn(), transport == Transport.TCP ? "segments" : "datagrams",
                c.packetsOut(), EmulationResult.mbpsOut(c), c.drops().isEmpty() ? "none" : c.drops());
        if (r.points().isEmpty()) {
            io.err().println("emulate: carried no " + (transport == Transport.TCP ? "segment" : "datagram")
                    + " with a payload: the result has no point");
        }
        if (transport == Transport.TCP) {
            io.out().printf(Locale.ROOT, "pacer: events late p50 %.1f us, p99 %.1f us%n", c.pacer().p50Us(),
                    c.pacer().p99Us());
        } else {
            io.out().printf(Locale.ROOT, "pacer: events late p50 %.1f us, p99 %.1f us; datagrams out late p50 %.1f us,"
                + " p99 %.1f us%n", c.pacer().p50Us(), c.pacer().p99Us(), c.release().p50Us(), c.release().p99Us());
            io.out().printf(Locale.ROOT, "model: datagrams in the modelled host and wire p50 %.1f us, p99 %.1f us%n",
                    c.transit().p50Us(), c.transit().p99Us());
        }
        io.out().flush();
        try {
            OutputOptions.write(json, ResultJson.write(r), io);
        } catch (IOException e) {
            // checked before the run; a full disk, or the folder removed meanwhile
            io.err().println("emulate: --json: " + e.getMessage());
            return Cli.FAILURE;
        }
        return Cli.OK;
    }

    /** ADDR:PORT, with IPv6 addresses in brackets. */
    static final class SocketAddressConverter implements ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String v) {
            int colon = v.lastIndexOf(':');
            if (v.startsWith("[") && v.endsWith("]")) {
                throw new TypeConversionException("no port: expected [ADDR]:PORT");
            }
            if (colon <= 0 || colon == v.length() - 1) {
                throw new TypeConversionException("expected ADDR:PORT ([ADDR]:PORT for IPv6)");
            }
            String host = v.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            } else if (host.contains(":")) {
                // ::1:8080 is itself an IPv6 address; which part is the port only brackets can say
                throw new TypeConversionException("an IPv6 address goes in brackets: [ADDR]:PORT, e.g. [::1]:9000");
            }
            int port;
            try {
                port = Integer.parseInt(v.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new TypeConversionException("the port must be 0-65535");
            }
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException e) {
                throw new TypeConversionException("unknown host " + host);
            }
        }
    }
}
