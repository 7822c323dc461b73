package org.vnetlab.live.control;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vnetlab.live.LiveSettings;
import org.vnetlab.live.LiveSettings.ServerSettings;
import org.vnetlab.live.control.MeasureServer.Role;

/**
 * A measurement server in a JVM of its own (see {@link ServerProcess}), so a test can watch one
 * process's threads, descriptors and memory, or starve it of memory. Limits come from
 * {@code -Dvnetlab.live.server.*}; it listens on 127.0.0.1, prints {@code port N}, then answers
 * {@code stats} on standard input with one line and ends on {@code quit} or end of input.
 */
public final class ServerProcessMain {

    private ServerProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerSettings s = LiveSettings.load().server().withBind("127.0.0.1").withPorts(0, 0);
        try (MeasureServer server = MeasureServer.start(Role.THROUGHPUT, s, List.of(), r -> { })) {
            System.out.println("port " + server.controlAddress().getPort());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("stats")) {
                    System.out.println(stats(server));
                }
            }
        }
        System.exit(0);
    }

    /** {@code stats threads T fds F heap H direct D running R rejected KIND=N,...}, heap after collections. */
    private static String stats(MeasureServer server) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        long fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            fds = open.count() - 1;   // less the listing's own
        }
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        String rejected = server.rejections().snapshot().entrySet().stream()
                .map(e -> e.getKey().key() + "=" + e.getValue()).collect(Collectors.joining(","));
        return "stats threads " + ManagementFactory.getThreadMXBean().getThreadCount() + " fds " + fds + " heap "
                + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + " direct " + direct
                + " running " + server.running() + " rejected " + (rejected.isEmpty() ? "-" : rejected);
    }
}
