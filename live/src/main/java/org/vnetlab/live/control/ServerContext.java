package org.vnetlab.live.control;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.vnetlab.live.LiveSettings.ServerSettings;
import org.vnetlab.live.cpu.CpuSource;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.probe.Reflector;

/** What every control session of one server shares: its limits, counters, reflector and CPU sources. */
final class ServerContext {

    final ServerSettings settings;
    final Rejections rejections;
    /** The reflector when this server is one; null for a throughput server. */
    final Reflector reflector;
    final List<CpuSource> cpuSources;
    final ServerEvents events;
    private final AtomicInteger running = new AtomicInteger();
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
    }

    /** Takes a slot for a test, or returns false when max-concurrent-tests run already. */
    boolean acquire() {
        while (true) {
            int n = running.get();
            if (n >= settings.maxConcurrentTests()) {
                return false;
            }
            if (running.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release(boolean ok) {
        running.decrementAndGet();
        if (ok) {
            completed.incrementAndGet();
        }
    }

    int running() {
        return running.get();
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
