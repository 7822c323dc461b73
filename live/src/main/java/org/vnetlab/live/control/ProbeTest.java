package org.vnetlab.live.control;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.data.Tally;
import org.vnetlab.live.probe.Reflector;

/**
 * An RTT test on the reflector: between Start and the client's Finish (or the deadline) the
 * reflector answers probes with this test's token from the client's address and port.
 */
final class ProbeTest implements ServerTest {

    private final Reflector reflector;
    private final long token;
    private final InetSocketAddress client;
    private final int payload;
    private final long lifetimeNanos;
    private final Tally none = new Tally();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Reflector.Lease lease;

    ProbeTest(Reflector reflector, long token, InetSocketAddress client, int payload, long lifetimeNanos) {
        this.reflector = reflector;
        this.token = token;
        this.client = client;
        this.payload = payload;
        this.lifetimeNanos = lifetimeNanos;
    }

    @Override
    public int dataPort() {
        return reflector.port();
    }

    @Override
    public void start() {
        lease = reflector.open(token, client, payload, System.nanoTime() + lifetimeNanos);
    }

    @Override
    public void finish(Finish finish) {
        Reflector.Lease l = lease;
        if (l != null) {
            reflector.end(l);
        }
        done.complete(null);
    }

    @Override
    public Tally tally() {
        Reflector.Lease l = lease;
        return l == null ? none : l.tally();
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() {
        Reflector.Lease l = lease;
        if (l != null) {
            reflector.end(l);
        }
    }
}
