package org.vnetlab.live.emulate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's guardian: starts the {@link ModelHost} (on the pacing thread) and, once its clock runs, the edge;
 * passes each second's counters to the listener, and stops everything cleanly when asked or when
 * a component fails (the model host's exception, the edge's socket error): the failure is
 * reported once, the edge is closed, and the actor system ends instead of hanging.
 */
public final class Supervisor extends AbstractBehavior<Supervisor.Command> {

    /** What the supervisor understands. */
    public sealed interface Command permits ModelStarted, Second, Failed, Finish, Finished {
    }

    /** The model host's clock has started: the edge may take traffic. */
    record ModelStarted() implements Command {
    }

    /** One second's counters from the model host. */
    public record Second(Counters counters) implements Command {
    }

    /** A component failed; the emulator stops. */
    public record Failed(String component, String message) implements Command {
    }

    /** Stop the emulator and reply with the final counters. */
    public record Finish(ActorRef<Counters> replyTo) implements Command {
    }

    /** The model host's final counters arrived (or did not). */
    record Finished(Counters counters, String error, ActorRef<Counters> replyTo) implements Command {
    }

    /** Who hears about the emulator. Called on actor threads. */
    public interface Listener {
        void second(Counters counters);

        void failed(String component, String message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    static final String PACER_DISPATCHER = "vnetlab.emulator.pacer-dispatcher";
    private final Edge edge;
    private final RealtimeLoop loop;
    private final CompletableFuture<Void> ready;
    private final Listener listener;
    private final ActorRef<ModelHost.Command> model;
    private boolean finishing;

    /**
     * @param ready completed once the model's clock runs and the edge takes traffic (not before: datagrams
     *              taken earlier would all enter the model at once)
     */
    public static Behavior<Command> create(RealtimeLoop loop, Edge edge, EmulatorSettings settings, Listener listener,
                                           CompletableFuture<Void> ready) {
        return Behaviors.setup(ctx -> new Supervisor(ctx, loop, edge, settings, listener, ready));
    }

    private Supervisor(ActorContext<Command> ctx, RealtimeLoop loop, Edge edge, EmulatorSettings settings,
                       Listener listener, CompletableFuture<Void> ready) {
        super(ctx);
        this.edge = edge;
        this.loop = loop;
        this.ready = ready;
        this.listener = listener;
        this.model = ctx.spawn(ModelHost.create(loop, settings.sliceNanos(), ctx.getSelf()), "model-host",
                DispatcherSelector.fromConfig(PACER_DISPATCHER));
        ctx.watch(model);
    }

    private Behavior<Command> onModelStarted() {
        ActorRef<Command> self = getContext().getSelf();
        edge.start(loop::poke, (component, message) -> self.tell(new Failed(component, message)));
        ready.complete(null);
        return this;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(ModelStarted.class, m -> onModelStarted())
                .onMessage(Second.class, s -> {
                    listener.second(s.counters());
                    return this;
                })
                .onMessage(Failed.class, f -> fail(f.component(), f.message()))
                .onMessage(Finish.class, this::onFinish)
                .onMessage(Finished.class, this::onFinished)
                .onSignal(ChildFailed.class, c -> fail("model host", String.valueOf(c.cause().getMessage())))
                .onSignal(Terminated.class, t -> finishing ? this : fail("model host", "stopped unexpectedly"))
                .onSignal(PostStop.class, s -> {
                    edge.close();
                    return this;
                })
                .build();
    }

    private Behavior<Command> fail(String component, String message) {
        LOG.error("emulator component failed: {}: {}", component, message);
        ready.completeExceptionally(new IllegalStateException(component + ": " + message));
        listener.failed(component, message);
        return Behaviors.stopped();
    }

    private Behavior<Command> onFinish(Finish finish) {
        finishing = true;
        getContext().ask(Counters.class, model, Duration.ofSeconds(5), ModelHost.Stop::new,
                (counters, error) -> new Finished(counters, error == null ? null : error.getMessage(),
                        finish.replyTo()));
        return this;
    }

    private Behavior<Command> onFinished(Finished f) {
        if (f.counters() == null) {
            return fail("model host", "did not stop: " + f.error());
        }
        f.replyTo().tell(f.counters());
        return Behaviors.stopped();
    }
}
