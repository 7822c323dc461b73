package org.vnetlab.sim.cluster;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.sim.cluster.WorkerProtocol.Assign;
import org.vnetlab.sim.cluster.WorkerProtocol.Coordinators;
import org.vnetlab.sim.cluster.WorkerProtocol.Crashed;
import org.vnetlab.sim.cluster.WorkerProtocol.JoinTimedOut;
import org.vnetlab.sim.cluster.WorkerProtocol.Ran;
import org.vnetlab.sim.cluster.WorkerProtocol.Refused;
import org.vnetlab.sim.cluster.WorkerProtocol.SweepOver;
import org.vnetlab.sim.cluster.WorkerProtocol.TlsRefused;
import org.vnetlab.sim.cluster.WorkerProtocol.Welcome;
import org.vnetlab.sim.sweep.RunEvaluator;
import org.vnetlab.sim.sweep.WorkItem;

/**
 * A worker node's actor: finds the coordinator through the receptionist, registers with its
 * version, then pulls runs: it keeps {@code slots} runs going and a few more queued, and asks for
 * one more whenever one finishes, so a slow node takes less. It runs only sweep runs (the
 * coordinator's scenario text plus key overrides); it ends when the coordinator leaves.
 *
 * <p>States: joining (no coordinator listed yet), registered (waiting for the welcome), working.
 */
public final class Worker {

    /**
     * How a worker's life ended.
     *
     * @param error null when it ended normally (the coordinator left)
     */
    public record End(String message, String error) {
    }

    private final ActorContext<WorkerProtocol> ctx;
    private final ScenarioLoader loader;
    private final String version;
    private final int slots;
    private final int prefetch;
    private final ExecutorService threads;
    private final Consumer<String> notices;
    private final CompletableFuture<End> end;
    private final Deque<WorkItem> queue = new ArrayDeque<>();
    private String tlsFailure;
    private int running;
    private int ran;

    private Worker(ActorContext<WorkerProtocol> ctx, ScenarioLoader loader, String version, int slots, int prefetch,
                   ExecutorService threads, Consumer<String> notices, CompletableFuture<End> end) {
        this.ctx = ctx;
        this.loader = loader;
        this.version = version;
        this.slots = slots;
        this.prefetch = prefetch;
        this.threads = threads;
        this.notices = notices;
        this.end = end;
    }

    /**
     * @param threads runs the simulations; {@code slots} threads
     * @param end     completed when the worker is done: the coordinator left, refused it, or never came
     */
    public static Behavior<WorkerProtocol> create(ScenarioLoader loader, String version, int slots, int prefetchPerSlot,
                                                  Duration joinTimeout, ExecutorService threads,
                                                  Consumer<String> notices, CompletableFuture<End> end) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startSingleTimer(new JoinTimedOut(), joinTimeout);
            ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class,
                    l -> new Coordinators(l.getServiceInstances(Coordinator.KEY)));
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(Coordinator.KEY, listings));
            ctx.getSystem().eventStream().tell(new EventStream.Subscribe<>(TlsFailure.class,
                    ctx.messageAdapter(TlsFailure.class, f -> new TlsRefused(f.message()))));
            Worker w = new Worker(ctx, loader, version, slots, slots * prefetchPerSlot, threads, notices, end);
            return w.joining(joinTimeout);
        }));
    }

    private Behavior<WorkerProtocol> joining(Duration joinTimeout) {
        return Behaviors.receive(WorkerProtocol.class)
                .onMessage(Coordinators.class, c -> {
                    if (c.refs().isEmpty()) {
                        return Behaviors.same();
                    }
                    ActorRef<CoordinatorProtocol> coordinator = c.refs().iterator().next();
                    coordinator.tell(new CoordinatorProtocol.Register(ctx.getSelf(), version, slots));
                    return registered(coordinator);
                })
                .onMessage(TlsRefused.class, this::onTls)
                .onMessage(JoinTimedOut.class, t -> stop(new End(null, "no coordinator found within "
                        + joinTimeout.toSeconds() + " s: " + (tlsFailure != null ? tlsFailure
                        : "is `vnetlab sweep --cluster` running at the --join address?"))))
                .build();
    }

    private Behavior<WorkerProtocol> registered(ActorRef<CoordinatorProtocol> coordinator) {
        return Behaviors.receive(WorkerProtocol.class)
                .onMessage(Welcome.class, w -> {
                    RunEvaluator evaluator;
                    try {
                        evaluator = new RunEvaluator(loader, w.scenarioText(), w.work());
                    } catch (ConfigError e) {
                        return stop(new End(null, "the coordinator sent a scenario this worker does not run: "
                                + e.getMessage()));
                    }
                    coordinator.tell(new CoordinatorProtocol.Pull(ctx.getSelf(), slots + prefetch));
                    return working(coordinator, evaluator);
                })
                .onMessage(Refused.class, r -> stop(new End(null, "the coordinator refused this worker: " + r.reason())))
                .onMessage(SweepOver.class, o -> stop(new End("the coordinator's sweep is already over", null)))
                .onMessage(Coordinators.class, c -> c.refs().isEmpty() ? left() : Behaviors.same())
                .onMessage(JoinTimedOut.class, t -> Behaviors.same())
                .onMessage(TlsRefused.class, this::onTls)
                .build();
    }

    private Behavior<WorkerProtocol> working(ActorRef<CoordinatorProtocol> coordinator, RunEvaluator evaluator) {
        return Behaviors.receive(WorkerProtocol.class)
                .onMessage(Assign.class, a -> {
                    if (ran == 0 && running == 0 && queue.isEmpty()) {
                        notices.accept("working: took " + a.items().size() + " runs");
                    }
                    queue.addAll(a.items());
                    start(evaluator);
                    return Behaviors.same();
                })
                .onMessage(Ran.class, r -> {
                    running--;
                    ran++;
                    coordinator.tell(new CoordinatorProtocol.Done(ctx.getSelf(), r.item().index(), r.result()));
                    coordinator.tell(new CoordinatorProtocol.Pull(ctx.getSelf(), 1));
                    start(evaluator);
                    return Behaviors.same();
                })
                .onMessage(Crashed.class, c -> {
                    running--;
                    coordinator.tell(new CoordinatorProtocol.Failed(ctx.getSelf(), c.item().index(), c.error()));
                    return Behaviors.same();
                })
                .onMessage(SweepOver.class, o -> {
                    queue.clear();
                    notices.accept("sweep over: this worker made " + ran + " of its " + o.results() + " runs");
                    return Behaviors.same();
                })
                .onMessage(Coordinators.class, c -> {
                    if (c.refs().isEmpty()) {
                        evaluator.close();
                        return left();
                    }
                    return Behaviors.same();
                })
                .onMessage(JoinTimedOut.class, t -> Behaviors.same())
                .onMessage(TlsRefused.class, this::onTls)
                .build();
    }

    private Behavior<WorkerProtocol> onTls(TlsRefused t) {
        if (!t.message().equals(tlsFailure)) {
            tlsFailure = t.message();
            notices.accept(t.message());
        }
        return Behaviors.same();
    }

    private void start(RunEvaluator evaluator) {
        while (running < slots && !queue.isEmpty()) {
            WorkItem item = queue.poll();
            running++;
            ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> evaluator.evaluate(item), threads),
                    (result, failure) -> failure == null ? new Ran(item, result)
                            : new Crashed(item, String.valueOf(rootCause(failure).getMessage())));
        }
    }

    private Behavior<WorkerProtocol> left() {
        return stop(new End("the coordinator left after this worker made " + ran + " runs", null));
    }

    private Behavior<WorkerProtocol> stop(End e) {
        end.complete(e);
        return Behaviors.stopped();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
