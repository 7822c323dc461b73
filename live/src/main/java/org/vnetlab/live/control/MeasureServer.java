package org.vnetlab.live.control;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.stream.javadsl.Tcp.IncomingConnection;
import org.apache.pekko.stream.javadsl.Tcp.ServerBinding;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.live.LiveSettings.ServerSettings;
import org.vnetlab.live.data.InetAddressText;
import org.vnetlab.live.cpu.CpuSource;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.data.Rejections.Kind;
import org.vnetlab.live.probe.Reflector;

/**
 * The measurement server ({@code vnetlab measure server}) or the reflector ({@code vnetlab measure
 * reflect}): control connections on Pekko Streams TCP, one {@link ControlSession} actor each, any
 * number of clients at once; data on separate sockets served by dedicated threads.
 */
public final class MeasureServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MeasureServer.class);
    /** Control frames queued towards a client that does not read before the session counts it stalled. */
    private static final int OUTGOING_FRAMES = 64;

    /** What a server serves. */
    public enum Role {
        /** Throughput tests, TCP and UDP, both directions. */
        THROUGHPUT,
        /** RTT probe tests on a single-threaded reflector. */
        REFLECTOR
    }

    /** The control port (or the reflector's UDP port) could not be bound: taken, or not this user's to take. */
    public static final class ListenFailed extends IOException {
        ListenFailed(String message) {
            super(message);
        }
    }

    private final ActorSystem<Void> system;
    private final ServerContext context;
    private final ServerBinding binding;

    private MeasureServer(ActorSystem<Void> system, ServerContext context, ServerBinding binding) {
        this.system = system;
        this.context = context;
        this.binding = binding;
    }

    /**
     * Binds the control port ({@code settings.port()} for a server, {@code reflectPort()} for a
     * reflector, whose probes use the same number over UDP) and serves until {@link #close()}.
     *
     * @param watched CPU sources sampled during every test besides the server process itself
     */
    public static MeasureServer start(Role role, ServerSettings settings, List<CpuSource> watched,
                                      ServerEvents events) throws IOException {
        InetAddress bind = InetAddress.getByName(settings.bind());
        int port = role == Role.REFLECTOR ? settings.reflectPort() : settings.port();
        checkFree(bind, port);
        Rejections rejections = new Rejections();
        Reflector reflector = null;
        if (role == Role.REFLECTOR) {
            try {
                reflector = new Reflector(new InetSocketAddress(bind, port), settings.maxPayload(), rejections);
            } catch (IOException e) {
                throw new ListenFailed("cannot listen for probes on " + InetAddressText.of(bind, port) + " (UDP): "
                        + e.getMessage());
            }
        }
        List<CpuSource> cpu = new ArrayList<>();
        cpu.add(CpuSource.ProcessCpu.self());
        cpu.addAll(watched);
        ServerContext context = new ServerContext(settings, rejections, reflector, cpu, events);
        try {
            Descriptors.checkRoomFor(settings);
        } catch (IOException e) {
            if (reflector != null) {
                reflector.close();
            }
            throw e;
        }
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "vnetlab-" + role.name().toLowerCase(),
                pekkoConfig());
        try {
            AtomicLong sessions = new AtomicLong();
            // The accept queue holds a burst of max-connections while the server turns the excess
            // away with a reason; with Pekko's default of 100 the kernel dropped the rest unanswered.
            CompletionStage<ServerBinding> bound = Tcp.get(system)
                    .bind(bind.getHostAddress(), port, settings.maxConnections(), List.of(), false, Optional.empty())
                    .to(Sink.foreach(c -> serve(system, context, sessions.incrementAndGet(), c)))
                    .run(system);
            ServerBinding binding = bound.toCompletableFuture().get(10, TimeUnit.SECONDS);
            system.scheduler().scheduleAtFixedRate(Duration.ofSeconds(1), Duration.ofSeconds(1),
                    rejections::flushLog, system.executionContext());
            LOG.info("{} listening on {}", role, binding.localAddress());
            return new MeasureServer(system, context, binding);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            system.terminate();
            if (reflector != null) {
                reflector.close();
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ListenFailed("cannot listen on " + InetAddressText.of(bind, port) + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            system.terminate();
            throw new IOException("interrupted while binding");
        }
    }

    /**
     * Fails with one line when the control port is taken, before an actor system starts (whose TCP
     * listener would log the bind failure with a stack trace).
     */
    private static void checkFree(InetAddress bind, int port) throws IOException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            throw new ListenFailed("cannot listen on " + InetAddressText.of(bind, port) + ": " + e.getMessage());
        }
    }

    /**
     * Pekko for a server facing the network: no error in a session (a fatal one such as an
     * OutOfMemoryError for a buffer included) takes the JVM down with it.
     */
    private static Config pekkoConfig() {
        return ConfigFactory.parseString("""
                pekko.jvm-exit-on-fatal-error = off
                pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
                pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
                pekko.loglevel = INFO
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """).withFallback(ConfigFactory.load());
    }

    private static void serve(ActorSystem<Void> system, ServerContext context, long number,
                              IncomingConnection connection) {
        InetSocketAddress peer = connection.remoteAddress();
        InetSocketAddress local = connection.localAddress();
        Quota.Refusal refusal = context.connections.take(peer.getAddress());
        if (refusal != null) {
            turnAway(system, context, connection, refusal);
            return;
        }
        LOG.debug("control connection from {}", peer);
        Pair<BoundedSourceQueue<ControlMessage>, Source<ControlMessage, NotUsed>> queue =
                Source.<ControlMessage>queue(OUTGOING_FRAMES).preMaterialize(system);
        ActorRef<ControlSession.Command> session = system.systemActorOf(
                ControlSession.create(context, peer, local, queue.first()), "control-" + number,
                Props.empty());
        Sink<ControlMessage, NotUsed> in = Flow.<ControlMessage>create()
                .to(Sink.foreach(m -> session.tell(new ControlSession.Received(m))));
        Flow<ControlMessage, ControlMessage, NotUsed> app = Flow.fromSinkAndSourceCoupled(in, queue.second());
        Flow<ByteString, ByteString, CompletionStage<Done>> wire = ControlCodec.bidi(context.settings.maxFrame())
                .reversed()
                .join(app)
                .idleTimeout(context.settings.controlIdleTimeout())
                .watchTermination((mat, done) -> done);
        connection.handleWith(wire, system).whenComplete((d, failure) -> {
            context.connections.release(peer.getAddress());
            session.tell(new ControlSession.Closed(failure));
        });
    }

    /** Closes a connection over a cap at once, with one frame that says which, and counts it. */
    private static void turnAway(ActorSystem<Void> system, ServerContext context, IncomingConnection connection,
                                 Quota.Refusal refusal) {
        Quota q = context.connections;
        String reason = refusal == Quota.Refusal.FULL
                ? "too many control connections: the limit of " + q.total() + " is reached"
                : "too many control connections from your address: the limit is " + q.perAddress();
        context.rejections.count(Kind.TOO_MANY_CONNECTIONS, connection.remoteAddress() + ": " + reason);
        ByteString frame = ByteString.fromArrayUnsafe(ControlCodec.encode(new ControlMessage.Failed(reason)));
        ByteString framed = ByteString.fromArrayUnsafe(ByteBuffer.allocate(ControlCodec.LENGTH_BYTES)
                .putInt(frame.size()).array()).concat(frame);
        connection.handleWith(Flow.fromSinkAndSource(Sink.cancelled(), Source.single(framed)), system);
    }

    public InetSocketAddress controlAddress() {
        return binding.localAddress();
    }

    public Rejections rejections() {
        return context.rejections;
    }

    /** Tests running now. */
    public int running() {
        return context.running();
    }

    /** Tests that ended with a report. */
    public long completed() {
        return context.completed();
    }

    @Override
    public void close() throws IOException {
        try {
            binding.unbind().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("unbind: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("terminate: {}", e.toString());
            }
            if (context.reflector != null) {
                context.reflector.close();
            }
        }
    }
}
