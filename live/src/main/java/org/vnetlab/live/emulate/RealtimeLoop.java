package org.vnetlab.live.emulate;

import java.io.IOException;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.vnetlab.sim.forward.HostModel;
import org.vnetlab.sim.kernel.Kernel;

/**
 * The realtime clock (ns-3's RealtimeSimulatorImpl): runs the simulator's own kernel so that
 * every event fires when the wall clock reaches its time. Virtual nanosecond t is
 * {@code epoch + t} of {@link System#nanoTime()}. Between deadlines it parks, and spins for the
 * last {@code spinNanos} because a parked thread wakes tens of microseconds late (Linux timer
 * slack); traffic from an edge ends the wait at once. The {@link Carrier} moves real traffic
 * into the model and out of it. Single-threaded: only the pacing thread calls it.
 */
public final class RealtimeLoop {

    private final HostModel host;
    private final Kernel kernel;
    private final Carrier carrier;
    private final long spinNanos;
    private final long warmUpNanos;
    private final PacingStats pacer = new PacingStats();
    private long epoch = -1;
    private volatile Thread pacingThread;
    private volatile boolean parked;

    /**
     * @param settings how long to spin before a deadline, and the warm-up not counted in lateness
     */
    public RealtimeLoop(HostModel host, Carrier carrier, EmulatorSettings settings) {
        this.host = host;
        this.kernel = host.kernel();
        this.carrier = carrier;
        this.spinNanos = settings.spinNanos();
        this.warmUpNanos = settings.warmUpNanos();
    }

    /** Virtual time now: wall nanoseconds since the start. */
    private long clock() {
        return System.nanoTime() - epoch;
    }

    /** Starts the model's clock at the wall clock's now; call once, on the pacing thread. */
    public void start() {
        epoch = System.nanoTime();
        carrier.start(epoch);
        host.start();
    }

    /** Ends a wait early: an edge published traffic. Any thread. */
    public void poke() {
        Thread t = pacingThread;
        if (parked && t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Runs the model in real time for about {@code wallNanos}, then returns (so its host can
     * read messages).
     */
    public void runSlice(long wallNanos) throws IOException {
        pacingThread = Thread.currentThread();
        long sliceEnd = clock() + wallNanos;
        while (true) {
            carrier.admit();
            long now = clock();
            long next = Math.min(kernel.nextEventTime(), carrier.nextDeparture());
            if (next <= now) {
                if (next == kernel.nextEventTime() && now > warmUpNanos) {
                    pacer.record(now - next);
                }
                kernel.runUntil(now);
                carrier.depart(now);
                continue;
            }
            if (now >= sliceEnd) {
                return;
            }
            waitUntil(Math.min(next, sliceEnd));
        }
    }

    private void waitUntil(long deadline) {
        while (!carrier.hasArrivals()) {
            long left = deadline - clock();
            if (left <= 0) {
                return;
            }
            if (left > spinNanos) {
                parked = true;
                if (!carrier.hasArrivals()) {
                    LockSupport.parkNanos(left - spinNanos);
                }
                parked = false;
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Wall time since {@link #start()}, ns. */
    public long elapsedNanos() {
        return epoch < 0 ? 0 : clock();
    }

    /** The counters now; call on the pacing thread (or after it stopped). */
    public Counters counters() {
        TreeMap<String, Long> drops = new TreeMap<>(host.drops());
        carrier.addDrops(drops);
        return new Counters(elapsedNanos(), carrier.packetsIn(), carrier.packetsOut(), carrier.bytesOut(), drops,
                host.cpuNanos(), pacer.summary(), carrier.release(), carrier.transit());
    }
}
