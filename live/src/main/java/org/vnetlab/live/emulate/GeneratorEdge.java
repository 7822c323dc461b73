package org.vnetlab.live.emulate;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import java.util.concurrent.locks.LockSupport;

/**
 * An edge without sockets, for measuring the emulator itself: a thread offers datagrams of one
 * size at a steady rate (in bursts of {@code burst}, as a NIC's interrupt would deliver them),
 * and what the model releases is counted instead of sent. What it measures is the realtime
 * clock and the model, not the kernel's UDP path.
 */
public final class GeneratorEdge implements Edge, Egress {

    private static final SocketAddress NOWHERE = new InetSocketAddress(0);
    private final IngressRing ring;
    private final int payload;
    private final double rate;
    private final int burst;
    private volatile boolean closing;
    private Thread generator;
    private volatile long sent;

    public GeneratorEdge(IngressRing ring, int payload, double ratePerSecond, int burst) {
        this.ring = ring;
        this.payload = payload;
        this.rate = ratePerSecond;
        this.burst = burst;
    }

    @Override
    public void start(Runnable onArrival, BiConsumer<String, String> onFailure) {
        generator = new Thread(() -> {
            try {
                generate(onArrival);
            } catch (RuntimeException e) {
                onFailure.accept("generator edge", e.toString());
            }
        }, "vnetlab-emulator-generator");
        generator.setDaemon(true);
        generator.start();
    }

    private void generate(Runnable onArrival) {
        long gap = Math.round(1e9 * burst / rate);
        long next = System.nanoTime();
        while (!closing) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            for (int i = 0; i < burst; i++) {
                ByteBuffer b = ring.claim();
                if (b == null) {
                    ring.overflowed();
                    continue;
                }
                b.position(payload);
                ring.publish(NOWHERE, System.nanoTime());
            }
            onArrival.run();
            next += gap;
        }
    }

    @Override
    public void send(ByteBuffer datagram, SocketAddress source) {
        sent++;
    }

    /** Datagrams the model released. */
    public long sent() {
        return sent;
    }

    @Override
    public void close() {
        closing = true;
        if (generator != null) {
            try {
                generator.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
