package org.vnetlab.console.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.vnetlab.console.cli.CommandFailure;
import org.vnetlab.console.cli.Converters;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.live.LiveSettings;
import org.vnetlab.live.LiveSettings.ServerSettings;
import org.vnetlab.live.data.InetAddressText;
import org.vnetlab.live.control.MeasureServer;
import org.vnetlab.live.control.MeasureServer.Role;
import org.vnetlab.live.control.ServerEvents.TestRecord;
import org.vnetlab.live.cpu.CpuWatch;
import org.vnetlab.live.data.Rejections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code measure server} and {@code measure reflect}: runs the daemon until Ctrl-C or SIGTERM,
 * printing a table row per test and a line whenever hostile input was rejected.
 */
public abstract class MeasureServeCommand implements org.vnetlab.console.cli.Command {

    /** {@code measure server}. */
    @Command(name = "server",
            description = "serve throughput tests (TCP and UDP, both directions) to any number of clients")
    public static final class Server extends MeasureServeCommand {

        @Option(names = "--port", paramLabel = "N", converter = Converters.Port.class,
                description = "TCP port of the control connection (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--cpu-pid", paramLabel = "PID", description = "also sample this process's CPU during tests"
                + " (repeatable)")
        List<Long> cpuPids = new ArrayList<>();

        @Option(names = "--cpu-cgroup", paramLabel = "PATH",
                description = "also sample this cgroup v2's CPU, under the cgroup v2 mount (repeatable)")
        List<String> cpuCgroups = new ArrayList<>();

        @Option(names = "--cpu", paramLabel = "KIND:WHAT", description = "also sample the CPU of: "
                + CpuWatch.KINDS + " (repeatable; see docs/MEASURE.md)")
        List<String> cpu = new ArrayList<>();

        public Server(LiveSettings settings) {
            super(Role.THROUGHPUT, settings);
            port = settings.server().port();
        }

        @Override
        ServerSettings settings(ServerSettings s) {
            return s.withPorts(port, s.reflectPort());
        }

        @Override
        CpuWatch watched() throws InterruptedException {
            List<String> specs = new ArrayList<>();
            cpuPids.forEach(pid -> specs.add("pid:" + pid));
            cpuCgroups.forEach(path -> specs.add("cgroup:" + path));
            specs.addAll(cpu);
            try {
                return CpuWatch.of(specs, CpuWatch.Host.local());
            } catch (IllegalArgumentException e) {
                throw new UsageError("measure server: " + e.getMessage());
            }
        }
    }

    /** {@code measure reflect}. */
    @Command(name = "reflect",
            description = "reflect RTT probes (single-threaded), for tests negotiated on its control port")
    public static final class Reflect extends MeasureServeCommand {

        @Option(names = "--port", paramLabel = "N", converter = Converters.Port.class,
                description = "TCP port of the control connection and UDP port of the probes (default: ${DEFAULT-VALUE})")
        int port;

        public Reflect(LiveSettings settings) {
            super(Role.REFLECTOR, settings);
            port = settings.server().reflectPort();
        }

        @Override
        ServerSettings settings(ServerSettings s) {
            return s.withPorts(s.port(), port);
        }

        @Override
        CpuWatch watched() throws InterruptedException {
            return CpuWatch.of(List.of(), CpuWatch.Host.local());
        }
    }

    private final Role role;
    private final LiveSettings settings;

    @Option(names = "--bind", paramLabel = "ADDR", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    MeasureServeCommand(Role role, LiveSettings settings) {
        this.role = role;
        this.settings = settings;
        this.bind = settings.server().bind();
    }

    /** The settings with this role's port. */
    abstract ServerSettings settings(ServerSettings s);

    /** Processes, cgroups, domains, guests and namespaces whose CPU is sampled during tests. */
    abstract CpuWatch watched() throws InterruptedException;

    private String name() {
        return role == Role.THROUGHPUT ? "measure server" : "measure reflect";
    }

    @Override
    public int run(Terminal io) throws IOException, InterruptedException {
        BindAddress.parse(name(), bind);
        ServerSettings s = settings(settings.server().withBind(bind));
        CpuWatch watched = watched();
        Object lock = new Object();
        MeasureServer server;
        try {
            server = MeasureServer.start(role, s, watched.sources(), r -> {
                synchronized (lock) {
                    io.out().println(row(r));
                    io.out().flush();
                }
            });
        } catch (MeasureServer.ListenFailed e) {
            watched.close();
            // a port another program holds, or one below 1024 without the right: the run fails, not the flags
            int port = role == Role.REFLECTOR ? s.reflectPort() : s.port();
            throw new CommandFailure(name() + ": " + e.getMessage() + " (--port " + port
                    + "; give another port, or stop what listens there)");
        } catch (IOException | RuntimeException e) {
            watched.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            close(server, watched);
            stopped.countDown();
        }, "vnetlab-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        synchronized (lock) {
            io.out().printf("vnetlab %s listening on %s (at most %d tests at once, %d s, %s)%n", name(),
                    InetAddressText.of(java.net.InetAddress.getByName(s.bind()), server.controlAddress().getPort()),
                    s.maxConcurrentTests(), s.maxDuration().toSeconds(), s.maxRate());
            io.out().printf("%5s  %-28s %-24s %8s %10s %10s  %s%n", "test", "client", "test", "seconds",
                    role == Role.THROUGHPUT ? "Mbit/s" : "reflected", "packets", "outcome");
            io.out().flush();
        }
        long lastRejected = 0;
        while (!io.isCancelled() && !stopped.await(1, TimeUnit.SECONDS)) {
            Rejections rej = server.rejections();
            if (rej.total() != lastRejected) {
                lastRejected = rej.total();
                synchronized (lock) {
                    io.out().println("      rejected so far: " + summary(rej.snapshot()));
                    io.out().flush();
                }
            }
        }
        if (io.isCancelled()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            close(server, watched);
        }
        return 0;
    }

    private String row(TestRecord r) {
        String client = InetAddressText.of(r.client().getAddress(), r.client().getPort());
        String amount = role == Role.THROUGHPUT
                ? String.format("%10.1f", r.seconds() > 0 ? r.bytes() * 8 / r.seconds() / 1e6 : 0.0)
                : String.format("%10d", r.packets());
        return String.format("%5d  %-28s %-24s %8.2f %s %10d  %s", r.id(), client, r.what(), r.seconds(), amount,
                r.packets(), r.outcome());
    }

    private static String summary(Map<Rejections.Kind, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey().key() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void close(MeasureServer server, CpuWatch watched) {
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        } finally {
            watched.close();
        }
    }
}
