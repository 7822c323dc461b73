package org.vnetlab.console.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.live.LiveSettings;
import org.vnetlab.live.LiveSettings.ServerSettings;
import org.vnetlab.live.data.InetAddressText;
import org.vnetlab.live.control.MeasureServer;
import org.vnetlab.live.control.MeasureServer.Role;
import org.vnetlab.live.control.ServerEvents.TestRecord;
import org.vnetlab.live.cpu.CpuSource;
import org.vnetlab.live.data.Rejections;

/**
 * {@code measure server} and {@code measure reflect}: runs the daemon until Ctrl-C or SIGTERM,
 * printing a table row per test and a line whenever hostile input was rejected.
 */
public final class MeasureServeCommand implements Command {

    private final Role role;
    private final LiveSettings settings;

    public MeasureServeCommand(Role role, LiveSettings settings) {
        this.role = role;
        this.settings = settings;
    }

    @Override
    public String name() {
        return role == Role.THROUGHPUT ? "measure server" : "measure reflect";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return role == Role.THROUGHPUT
                ? "serve throughput tests (TCP and UDP, both directions) to any number of clients"
                : "reflect RTT probes (single-threaded), for tests negotiated on its control port";
    }

    @Override
    public List<Option> options() {
        ServerSettings s = settings.server();
        List<Option> o = new ArrayList<>(List.of(
                Option.value("--bind", "ADDR", "address to listen on", s.bind()),
                LiveOptions.port(role == Role.THROUGHPUT ? s.port() : s.reflectPort(),
                        role == Role.THROUGHPUT ? "control connection" : "control connection and of the probes (UDP)")));
        if (role == Role.THROUGHPUT) {
            o.add(Option.repeated("--cpu-pid", "PID", "also sample this process's CPU during tests"));
            o.add(Option.repeated("--cpu-cgroup", "PATH", "also sample this cgroup v2's CPU (under /sys/fs/cgroup)"));
        }
        return o;
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws IOException, InterruptedException {
        if (!args.positional().isEmpty()) {
            throw new UsageError(name() + ": takes no arguments, got " + String.join(" ", args.positional()));
        }
        ServerSettings s = settings.server().withBind(args.value("--bind").orElse(settings.server().bind()));
        int port = LiveOptions.port(args, role == Role.THROUGHPUT ? s.port() : s.reflectPort());
        s = role == Role.THROUGHPUT ? s.withPorts(port, s.reflectPort()) : s.withPorts(s.port(), port);
        List<CpuSource> watched = new ArrayList<>();
        try {
            for (String pid : args.values("--cpu-pid")) {
                watched.add(CpuSource.pid(Long.parseLong(pid)));
            }
            for (String path : args.values("--cpu-cgroup")) {
                watched.add(CpuSource.cgroup(path));
            }
        } catch (NumberFormatException e) {
            throw new UsageError(name() + ": --cpu-pid: expected a process id");
        } catch (IllegalArgumentException e) {
            throw new UsageError(name() + ": " + e.getMessage());
        }
        Object lock = new Object();
        MeasureServer server = MeasureServer.start(role, s, watched, r -> {
            synchronized (lock) {
                io.out().println(row(r));
                io.out().flush();
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            close(server);
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
            close(server);
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

    private static void close(MeasureServer server) {
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
    }
}
