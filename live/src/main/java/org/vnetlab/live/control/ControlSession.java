package org.vnetlab.live.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.Transport;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Failed;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.control.ControlMessage.Interval;
import org.vnetlab.live.control.ControlMessage.ProbeRequest;
import org.vnetlab.live.control.ControlMessage.Refused;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.ControlMessage.Request;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;
import org.vnetlab.live.control.ServerEvents.TestRecord;
import org.vnetlab.live.cpu.CpuSampler;
import org.vnetlab.live.data.ClientText;
import org.vnetlab.live.data.Rejections.Kind;
import org.vnetlab.live.data.Tally;

/**
 * One control connection on the server, as an actor with one behaviour per {@link SessionState}.
 * Frames come in as {@link Received}; replies go out through the connection's bounded queue. A peer
 * that does not read its replies (the queue fills), stays silent past the idle timeout, sends
 * garbage or disconnects mid-test ends the session; its test's sockets and slot are released.
 */
final class ControlSession {

    /** What the session reacts to. */
    sealed interface Command {
    }

    /** A decoded frame from the client. */
    record Received(ControlMessage message) implements Command {
    }

    /** The connection ended: {@code failure} is null when the client closed it cleanly. */
    record Closed(Throwable failure) implements Command {
    }

    private record Tick() implements Command {
    }

    private record TestEnded(long testId, Throwable failure) implements Command {
    }

    private enum Timeout implements Command {
        /** No Start within the handshake time after Accepted. */
        HANDSHAKE,
        /** No data within the handshake time after Start. */
        NO_DATA,
        /** The test ran past its duration and the grace. */
        DEADLINE
    }

    private static final Object TICK = "tick";
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ServerContext server;
    private final InetSocketAddress peer;
    private final InetSocketAddress local;
    private final BoundedSourceQueue<ControlMessage> out;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;

    private ServerTest test;
    private long testId;
    private String what;
    private long startNanos;
    private Duration lifetime;
    private CpuSampler cpu;
    private int second;
    private long lastBytes;
    private long lastPackets;

    private ControlSession(ServerContext server, InetSocketAddress peer, InetSocketAddress local,
                           BoundedSourceQueue<ControlMessage> out, ActorContext<Command> context,
                           TimerScheduler<Command> timers) {
        this.server = server;
        this.peer = peer;
        this.local = local;
        this.out = out;
        this.context = context;
        this.timers = timers;
    }

    static Behavior<Command> create(ServerContext server, InetSocketAddress peer, InetSocketAddress local,
                                    BoundedSourceQueue<ControlMessage> out) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new ControlSession(server, peer, local, out, ctx, timers).awaitRequest()));
    }

    // ---- state 1: AWAIT_REQUEST

    private Behavior<Command> awaitRequest() {
        return Behaviors.receive(Command.class)
                .onMessage(Received.class, r -> onRequest(r.message()))
                .onMessage(Closed.class, c -> closed(c, SessionState.AWAIT_REQUEST))
                .onSignal(PostStop.class, s -> stopped())
                .build();
    }

    private Behavior<Command> onRequest(ControlMessage m) {
        String refusal;
        if (m instanceof Request r) {
            refusal = Limits.refusal(server, r, local);
        } else if (m instanceof ProbeRequest p) {
            refusal = Limits.refusal(server, p, local, peer.getAddress());
        } else {
            return violation(m, SessionState.AWAIT_REQUEST);
        }
        if (refusal == null) {
            refusal = server.acquire(peer.getAddress());
        }
        testId = server.nextTestId();
        what = describe(m);
        if (refusal != null) {
            return refuse(refusal);
        }
        long token = server.token();
        try {
            test = open(m, token);
        } catch (IOException e) {
            server.release(peer.getAddress(), false);
            report(0, 0, 0, "failed: " + e.getMessage());
            send(new ControlMessage.Failed("cannot open the data socket: " + e.getMessage()));
            return Behaviors.stopped();
        } catch (OutOfMemoryError e) {
            // direct memory for the test's buffers: the server lives on, the client may try again
            server.release(peer.getAddress(), false);
            return refuse("the server has no memory for this test's buffers now (" + e.getMessage() + ")");
        }
        if (!send(new Accepted(testId, token, test.dataPort()))) {
            return Behaviors.stopped();
        }
        timers.startSingleTimer(Timeout.HANDSHAKE, server.settings.handshakeTimeout());
        return accepted();
    }

    /** Refuses the request: counted, shown to the server's user at most once a second, the session goes on. */
    private Behavior<Command> refuse(String reason) {
        server.rejections.count(Kind.REFUSED_REQUEST, peer + ": " + reason);
        if (server.showRefusal()) {
            report(0, 0, 0, "refused: " + reason);
        }
        return send(new Refused(reason)) ? Behaviors.same() : Behaviors.stopped();
    }

    private ServerTest open(ControlMessage m, long token) throws IOException {
        String name = "test-" + testId;
        long handshake = server.settings.handshakeTimeout().toMillis();
        if (m instanceof ProbeRequest p) {
            lifetime = Limits.probeLifetime(p.spec(), server.settings.grace());
            return new ProbeTest(server.reflector, token, new InetSocketAddress(peer.getAddress(),
                    p.spec().sourcePort()), p.spec().payload(), lifetime.toNanos());
        }
        TestSpec s = ((Request) m).spec();
        lifetime = s.duration().plus(server.settings.grace());
        long duration = s.duration().toNanos();
        boolean serverSends = s.direction() == Direction.TX;
        if (s.transport() == Transport.TCP) {
            return new TcpTest(name, local, peer.getAddress(), token, serverSends, duration, handshake,
                    server.settings.tokenTimeout().toMillis(), server.rejections);
        }
        return serverSends
                ? new UdpSendTest(name, local, peer.getAddress(), token, s.payload(), s.rate(), duration,
                        server.rejections)
                : new UdpReceiveTest(name, local, peer.getAddress(), token, s.payload(), server.rejections);
    }

    // ---- state 2: ACCEPTED

    private Behavior<Command> accepted() {
        return Behaviors.receive(Command.class)
                .onMessage(Received.class, r -> onStart(r.message()))
                .onMessageEquals(Timeout.HANDSHAKE, () -> {
                    endTest("failed: no Start within " + server.settings.handshakeTimeout().toSeconds() + " s");
                    send(new Failed("no Start within the handshake time"));
                    return Behaviors.stopped();
                })
                .onMessage(Closed.class, c -> closed(c, SessionState.ACCEPTED))
                .onSignal(PostStop.class, s -> stopped())
                .build();
    }

    private Behavior<Command> onStart(ControlMessage m) {
        if (!(m instanceof Start)) {
            return violation(m, SessionState.ACCEPTED);
        }
        timers.cancel(Timeout.HANDSHAKE);
        cpu = new CpuSampler(server.cpuSources);
        startNanos = System.nanoTime();
        second = 0;
        lastBytes = 0;
        lastPackets = 0;
        try {
            test.start();
        } catch (OutOfMemoryError e) {
            // no thread for the test's data: it fails, the server lives on
            endTest("failed: " + e.getMessage());
            send(new Failed("the server could not start this test's data thread"));
            return Behaviors.stopped();
        }
        long id = testId;
        context.pipeToSelf(test.done(), (v, e) -> new TestEnded(id, e));
        timers.startTimerAtFixedRate(TICK, new Tick(), SECOND);
        timers.startSingleTimer(Timeout.NO_DATA, server.settings.handshakeTimeout());
        timers.startSingleTimer(Timeout.DEADLINE, lifetime);
        return send(new Started()) ? running() : Behaviors.stopped();
    }

    // ---- state 3: RUNNING

    private Behavior<Command> running() {
        return Behaviors.receive(Command.class)
                .onMessage(Tick.class, t -> tick())
                .onMessage(Received.class, r -> {
                    if (!(r.message() instanceof Finish f)) {
                        return violation(r.message(), SessionState.RUNNING);
                    }
                    test.finish(f);
                    return Behaviors.same();
                })
                .onMessage(TestEnded.class, e -> e.testId() == testId ? ended(e.failure()) : Behaviors.same())
                .onMessageEquals(Timeout.NO_DATA, this::noData)
                .onMessageEquals(Timeout.DEADLINE, () -> {
                    context.getLog().warn("test {} from {} ran past its duration and grace; ended", testId, peer);
                    closeTest();
                    return ended(null);
                })
                .onMessage(Closed.class, c -> closed(c, SessionState.RUNNING))
                .onSignal(PostStop.class, s -> stopped())
                .build();
    }

    /** A test that moved no data since Start holds a slot for nothing: it fails. */
    private Behavior<Command> noData() {
        Tally t = test.tally();
        if (t.bytes() > 0 || t.packets() > 0) {
            return Behaviors.same();
        }
        String reason = "no data within " + server.settings.handshakeTimeout().toSeconds() + " s of Start";
        endTest("failed: " + reason);
        send(new Failed(reason));
        return Behaviors.stopped();
    }

    private Behavior<Command> tick() {
        cpu.sample();
        Tally.Counts now = test.tally().counts();
        long bytes = now.bytes();
        long packets = now.packets();
        Interval i = new Interval(++second, bytes - lastBytes, packets - lastPackets);
        lastBytes = bytes;
        lastPackets = packets;
        return send(i) ? Behaviors.same() : Behaviors.stopped();
    }

    private Behavior<Command> ended(Throwable failure) {
        timers.cancel(TICK);
        timers.cancel(Timeout.NO_DATA);
        timers.cancel(Timeout.DEADLINE);
        Tally t = test.tally();
        long elapsed = System.nanoTime() - startNanos;
        if (failure != null) {
            String reason = reason(failure);
            endTest("failed: " + reason);
            send(new Failed(reason));
            return Behaviors.stopped();
        }
        Tally.Counts counts = t.counts();
        ControlMessage.Report report = new Report(counts.bytes(), counts.packets(), test.reordered(),
                t.spanNanos() > 0 ? t.spanNanos() : elapsed, cpu.samples());
        endTest("ok");
        return send(report) ? awaitRequest() : Behaviors.stopped();
    }

    // ---- any state

    private Behavior<Command> closed(Closed c, SessionState state) {
        Throwable f = c.failure() instanceof CompletionException && c.failure().getCause() != null
                ? c.failure().getCause() : c.failure();
        if (f instanceof TimeoutException) {
            server.rejections.count(Kind.STALLED_CONTROL, peer + " idle in state " + state);
        } else if (f instanceof ProtocolException || f instanceof org.apache.pekko.stream.scaladsl.Framing.FramingException) {
            server.rejections.count(Kind.MALFORMED_FRAME, peer + ": " + f.getMessage());
        } else if (state != SessionState.AWAIT_REQUEST) {
            server.rejections.count(Kind.DISCONNECTED_MID_TEST, peer + " in state " + state);
        }
        if (test != null) {
            endTest("failed: control connection lost in state " + state);
        }
        return Behaviors.stopped();
    }

    private Behavior<Command> violation(ControlMessage m, SessionState state) {
        String reason = "unexpected " + m.getClass().getSimpleName() + " in state " + state;
        server.rejections.count(Kind.MALFORMED_FRAME, peer + ": " + reason);
        if (test != null) {
            endTest("failed: " + reason);
        }
        send(new Failed(reason));
        return Behaviors.stopped();
    }

    private Behavior<Command> stopped() {
        if (test != null) {
            endTest("failed: session stopped");
        }
        try {
            out.complete();
        } catch (IllegalStateException alreadyEnded) {
            // the connection ended first (its queue completes with it)
        }
        return Behaviors.same();
    }

    /** Sends a frame; false (and the session should stop) when the client is not reading. */
    private boolean send(ControlMessage m) {
        QueueOfferResult r = out.offer(m);
        if (r == QueueOfferResult.enqueued()) {
            return true;
        }
        if (r == QueueOfferResult.dropped()) {
            server.rejections.count(Kind.STALLED_CONTROL, peer + " does not read its control connection");
            out.fail(new TimeoutException("the client does not read"));
        }
        return false;
    }

    private void endTest(String outcome) {
        Tally.Counts counts = test.tally().counts();
        closeTest();
        report(counts.bytes(), counts.packets(), System.nanoTime() - startNanos, outcome);
        server.release(peer.getAddress(), outcome.equals("ok"));
        test = null;
        startNanos = 0;
    }

    private void closeTest() {
        try {
            test.close();
        } catch (IOException e) {
            context.getLog().debug("closing test {}: {}", testId, e.toString());
        }
    }

    /** Tells the server's user; the outcome may quote a client or an error, so it is made printable. */
    private void report(long bytes, long packets, long nanos, String outcome) {
        double seconds = startNanos == 0 ? 0 : nanos / 1e9;
        server.events.testEnded(new TestRecord(testId, peer, what, bytes, packets, seconds, ClientText.of(outcome)));
    }

    private static String describe(ControlMessage m) {
        if (m instanceof Request r) {
            TestSpec s = r.spec();
            return s.transport().key() + " " + s.ip().key() + " " + s.direction().key()
                    + (s.transport() == Transport.UDP ? " " + s.payload() + " B" : "");
        }
        ProbeSpec p = ((ProbeRequest) m).spec();
        return "rtt " + p.ip().key() + " " + p.payload() + " B x" + p.count();
    }

    private static String reason(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

}
