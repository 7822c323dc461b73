package org.vnetlab.live.control;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.vnetlab.live.LiveSettings.ServerSettings;
import org.vnetlab.live.cpu.CpuSource;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.probe.Reflector;

/**
 * What every control session of one server shares: its limits, counters, reflector and CPU sources,
 * its quotas of control connections and test slots.
 */
final class ServerContext {

    private static final long SECOND = 1_000_000_000L;

    final ServerSettings settings;
    final Rejections rejections;
    /** The reflector when this server is one; null for a throughput server. */
    final Reflector reflector;
    final List<CpuSource> cpuSources;
    final ServerEvents events;
    /** Control connections open, over all clients and per client. */
    final Quota connections;
    /** Tests accepted and not yet ended, over all clients and per client. */
    private final Quota tests;
    private final AtomicLong refusalShown = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong testIds = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    ServerContext(ServerSettings settings, Rejections rejections, Reflector reflector, List<CpuSource> cpuSources,
                  ServerEvents events) {
        this.settings = settings;
        this.rejections = rejections;
        this.reflector = reflector;
        this.cpuSources = List.copyOf(cpuSources);
        this.events = events;
        this.connections = new Quota(settings.maxConnections(), settings.maxConnectionsPerAddress());
        this.tests = new Quota(settings.maxConcurrentTests(), settings.maxTestsPerAddress());
    }

    /** Takes a test slot for {@code client}: null, or the reason to refuse the test. */
    String acquire(InetAddress client) {
        Quota.Refusal r = tests.take(client);
        if (r == null) {
            return null;
        }
        return r == Quota.Refusal.FULL
                ? "busy: the limit of " + tests.total() + " tests at once is reached"
                : "busy: your address holds " + tests.perAddress() + " tests, the limit for one address";
    }

    void release(InetAddress client, boolean ok) {
        tests.release(client);
        if (ok) {
            completed.incrementAndGet();
        }
    }

    int running() {
        return tests.inUse();
    }

    /**
     * Whether a refusal is shown to the server's user as a row of its own: the first of each second.
     * The rest are counted as rejections, whose totals the user sees once a second.
     */
    boolean showRefusal() {
        long second = System.nanoTime() / SECOND;
        long last = refusalShown.get();
        return last != second && refusalShown.compareAndSet(last, second);
    }

    long completed() {
        return completed.get();
    }

    long nextTestId() {
        return testIds.incrementAndGet();
    }

    /** A random, non-zero token. */
    long token() {
        long t;
        do {
            t = random.nextLong();
        } while (t == 0);
        return t;
    }
}
