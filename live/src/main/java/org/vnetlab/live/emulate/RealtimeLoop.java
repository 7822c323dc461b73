package org.vnetlab.live.emulate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.vnetlab.sim.forward.ForwardingHost;
import org.vnetlab.sim.kernel.Kernel;

/**
 * The realtime clock (ns-3's RealtimeSimulatorImpl): runs the simulator's own kernel so that
 * every event fires when the wall clock reaches its time. Virtual nanosecond t is
 * {@code epoch + t} of {@link System#nanoTime()}. Between deadlines it parks, and spins for the
 * last {@code spinNanos} because a parked thread wakes tens of microseconds late (Linux timer
 * slack); a datagram from an edge ends the wait at once. Datagrams enter the model's NIC at
 * their arrival time; frames reaching the far end of the modelled wire leave through the
 * {@link Egress} at theirs. Single-threaded: only the pacing thread calls it.
 */
public final class RealtimeLoop {

    private final ForwardingHost host;
    private final Kernel kernel;
    private final IngressRing ingress;
    private final EgressTap tap = new EgressTap();
    private final Egress egress;
    private final int flags;
    private final long spinNanos;
    private final long warmUpNanos;
    private final PacingStats pacer = new PacingStats();
    private final PacingStats release = new PacingStats();
    private long epoch = -1;
    private long packetsOut;
    private long bytesOut;
    private long stale;
    private volatile Thread pacingThread;
    private volatile boolean parked;

    /**
     * @param flags     the model's packet flags for every datagram (IPv4 or IPv6, UDP)
     * @param settings  how long to spin before a deadline, and the warm-up not counted in lateness
     */
    public RealtimeLoop(ForwardingHost host, IngressRing ingress, Egress egress, int flags,
                        EmulatorSettings settings) {
        this.host = host;
        this.kernel = host.kernel();
        this.ingress = ingress;
        this.egress = egress;
        this.flags = flags;
        this.spinNanos = settings.spinNanos();
        this.warmUpNanos = settings.warmUpNanos();
        host.connectFarEnd(tap);
    }

    /** Virtual time now: wall nanoseconds since the start. */
    private long clock() {
        return System.nanoTime() - epoch;
    }

    /** Starts the model's clock at the wall clock's now; call once, on the pacing thread. */
    public void start() {
        epoch = System.nanoTime();
        host.start();
    }

    /** Ends a wait early: an edge published a datagram. Any thread. */
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
            admit();
            long now = clock();
            long next = Math.min(kernel.nextEventTime(), tap.nextDue());
            if (next <= now) {
                if (next == kernel.nextEventTime() && now > warmUpNanos) {
                    pacer.record(now - next);
                }
                kernel.runUntil(now);
                sendDue(now);
                continue;
            }
            if (now >= sliceEnd) {
                return;
            }
            waitUntil(Math.min(next, sliceEnd));
        }
    }

    /** Datagrams that arrived enter the model's NIC at their arrival times (never before its now). */
    private void admit() {
        while (ingress.hasPending()) {
            long seq = ingress.nextSeq();
            long at = Math.max(kernel.now(), ingress.arrivalOf(seq) - epoch);
            host.inject(at, ingress.lengthOf(seq), seq, at, flags);
            ingress.taken();
        }
    }

    private void sendDue(long now) throws IOException {
        while (tap.due(now)) {
            long due = tap.nextDue();
            long seq = tap.take();
            if (!ingress.holds(seq)) {
                stale++;
                continue;
            }
            ByteBuffer b = ingress.bytesOf(seq);
            int bytes = b.remaining();
            // lateness as the datagram is handed to the socket
            if (due > warmUpNanos) {
                release.record(clock() - due);
            }
            egress.send(b, ingress.sourceOf(seq));
            packetsOut++;
            bytesOut += bytes;
        }
    }

    private void waitUntil(long deadline) {
        while (!ingress.hasPending()) {
            long left = deadline - clock();
            if (left <= 0) {
                return;
            }
            if (left > spinNanos) {
                parked = true;
                if (!ingress.hasPending()) {
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
        if (ingress.overflows() > 0) {
            drops.put(IngressRing.OVERFLOW, ingress.overflows());
        }
        if (ingress.oversizes() > 0) {
            drops.put(IngressRing.OVERSIZE, ingress.oversizes());
        }
        if (stale > 0) {
            drops.put(IngressRing.STALE, stale);
        }
        return new Counters(elapsedNanos(), ingress.published(), packetsOut, bytesOut, drops,
                host.cpuNanos(), pacer.summary(), release.summary());
    }
}
