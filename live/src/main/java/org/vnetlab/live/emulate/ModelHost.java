package org.vnetlab.live.emulate;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The modelled machine as one typed actor: it owns the model (the simulator's components and
 * kernel) and runs it in real time, a slice of about a millisecond per {@link Slice} message,
 * on a dedicated (pinned) thread, so other messages are read between slices. Each wall-clock
 * second it reports its counters. An exception in the model fails this actor; its supervisor
 * sees that and stops the emulator.
 */
public final class ModelHost extends AbstractBehavior<ModelHost.Command> {

    /** What the model host understands. */
    public sealed interface Command permits Slice, Stop {
    }

    /** Run the model for one more slice (sent to itself). */
    record Slice() implements Command {
    }

    /** Stop and reply with the final counters. */
    public record Stop(ActorRef<Counters> replyTo) implements Command {
    }

    private static final long SECOND = 1_000_000_000L;
    private final RealtimeLoop loop;
    private final long sliceNanos;
    private final ActorRef<Supervisor.Command> supervisor;
    private long nextReport = SECOND;

    public static Behavior<Command> create(RealtimeLoop loop, long sliceNanos, ActorRef<Supervisor.Command> supervisor) {
        return Behaviors.setup(ctx -> {
            loop.start();
            supervisor.tell(new Supervisor.ModelStarted());
            ctx.getSelf().tell(new Slice());
            return new ModelHost(ctx, loop, sliceNanos, supervisor);
        });
    }

    private ModelHost(ActorContext<Command> ctx, RealtimeLoop loop, long sliceNanos,
                      ActorRef<Supervisor.Command> supervisor) {
        super(ctx);
        this.loop = loop;
        this.sliceNanos = sliceNanos;
        this.supervisor = supervisor;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Slice.class, s -> onSlice())
                .onMessage(Stop.class, this::onStop)
                .build();
    }

    private Behavior<Command> onSlice() throws java.io.IOException {
        loop.runSlice(sliceNanos);
        if (loop.elapsedNanos() >= nextReport) {
            nextReport += SECOND;
            supervisor.tell(new Supervisor.Second(loop.counters()));
        }
        getContext().getSelf().tell(new Slice());
        return this;
    }

    private Behavior<Command> onStop(Stop stop) {
        stop.replyTo().tell(loop.counters());
        return Behaviors.stopped();
    }
}
