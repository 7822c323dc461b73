package org.vnetlab.sim.cluster;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.BehaviorBuilder;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.sim.cluster.WorkerProtocol.Assign;
import org.vnetlab.sim.cluster.WorkerProtocol.Batch;
import org.vnetlab.sim.cluster.WorkerProtocol.BatchOver;
import org.vnetlab.sim.cluster.WorkerProtocol.CoordinatorNodeGone;
import org.vnetlab.sim.cluster.WorkerProtocol.Coordinators;
import org.vnetlab.sim.cluster.WorkerProtocol.Crashed;
import org.vnetlab.sim.cluster.WorkerProtocol.Ignored;
import org.vnetlab.sim.cluster.WorkerProtocol.JoinTimedOut;
import org.vnetlab.sim.cluster.WorkerProtocol.Leave;
import org.vnetlab.sim.cluster.WorkerProtocol.Ran;
import org.vnetlab.sim.cluster.WorkerProtocol.Refused;
import org.vnetlab.sim.cluster.WorkerProtocol.TlsRefused;
import org.vnetlab.sim.cluster.WorkerProtocol.Welcome;
import org.vnetlab.sim.sweep.RunEvaluator;
import org.vnetlab.sim.sweep.WorkItem;

/**
 * A worker node's actor for one coordinator: finds it through the receptionist, registers with its
 * version, then pulls runs batch after batch: it keeps {@code slots} runs going and a few more
 * queued, and asks for one more whenever one finishes, so a slow node takes less. It runs only
 * the runs of the batch the coordinator announced (its scenario texts plus key overrides); it
 * ends when the coordinator leaves or its node is removed ({@link WorkerNode} then joins the next).
 * A coordinator that is only unreachable is waited for: a stall of a few seconds on a loaded
 * machine (a long GC, another node stopped while gossip converges) must not end a healthy
 * session, and one that stays cut off is settled by the split-brain resolver, which downs the
 * side without the coordinator (this node, then {@link Ending#REMOVED}).
 *
 * <p>States: joining (no coordinator listed yet), registered (waiting for the welcome), serving.
 */
public final class Worker {

    /** How a worker's time with one coordinator ended. */
    public enum Ending {
        /** The coordinator's node left or was removed (its command ended, or it was downed). */
        LEFT,
        /** This node was removed from the cluster (the coordinator found it unreachable, and downed it). */
        REMOVED,
        /** The coordinator refused this worker (another version). */
        REFUSED,
        /** No coordinator was found within the join timeout. */
        NOT_FOUND,
        /** The user stopped the worker. */
        STOPPED
    }

    /**
     * How a worker's time with one coordinator ended.
     *
     * @param served whether a coordinator welcomed it
     * @param runs   runs it made for that coordinator
     */
    public record End(Ending ending, String message, boolean served, int runs) {
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
    private boolean served;
    private long batch;
    private RunEvaluator evaluator;
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
     * @param joinTimeout how long to look for a coordinator; null: until one comes
     * @param threads     runs the simulations; {@code slots} threads
     * @param end         completed when the worker is done with its coordinator (or never found one)
     */
    public static Behavior<WorkerProtocol> create(ScenarioLoader loader, String version, int slots, int prefetchPerSlot,
                                                  Duration joinTimeout, ExecutorService threads,
                                                  Consumer<String> notices, CompletableFuture<End> end) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            if (joinTimeout != null) {
                timers.startSingleTimer(new JoinTimedOut(), joinTimeout);
            }
            ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class,
                    l -> new Coordinators(l.getAllServiceInstances(Coordinator.KEY)));
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(Coordinator.KEY, listings));
            ctx.getSystem().eventStream().tell(new EventStream.Subscribe<>(TlsFailure.class,
                    ctx.messageAdapter(TlsFailure.class, f -> new TlsRefused(f.message()))));
            Cluster cluster = Cluster.get(ctx.getSystem());
            cluster.subscriptions().tell(Subscribe.create(ctx.messageAdapter(ClusterEvent.MemberEvent.class,
                    e -> e instanceof ClusterEvent.MemberExited || e instanceof ClusterEvent.MemberRemoved
                            || e instanceof ClusterEvent.MemberDowned ? gone(e.member()) : new Ignored()),
                    ClusterEvent.MemberEvent.class));
            Worker w = new Worker(ctx, loader, version, slots, slots * prefetchPerSlot, threads, notices, end);
            return w.joining(joinTimeout);
        }));
    }

    /**
     * A member that is exiting, downed or removed, told as the coordinator's when it is. Not one
     * that is only leaving: a coordinator whose command ended still answers joins until it has
     * exited, and a fresh node that ended its session on finding it leaving joined it again at
     * once, session after session, which kept its leave from completing. Nor one that is
     * unreachable: the listing of every instance (reachable or not) keeps it too.
     */
    private static WorkerProtocol gone(Member member) {
        return member.hasRole(ClusterNode.COORDINATOR_ROLE) ? new CoordinatorNodeGone() : new Ignored();
    }

    private Behavior<WorkerProtocol> joining(Duration joinTimeout) {
        return inEveryState(Behaviors.receive(WorkerProtocol.class)
                .onMessage(Coordinators.class, c -> {
                    if (c.refs().isEmpty()) {
                        return Behaviors.same();
                    }
                    ActorRef<CoordinatorProtocol> coordinator = c.refs().iterator().next();
                    coordinator.tell(new CoordinatorProtocol.Register(ctx.getSelf(), version, slots));
                    return registered(coordinator);
                })
                .onMessage(JoinTimedOut.class, t -> stop(Ending.NOT_FOUND, "no coordinator found within "
                        + joinTimeout.toSeconds() + " s: " + (tlsFailure != null ? tlsFailure
                        : "is a coordinator (`vnetlab sweep`, `sim`, `whatif`, `plan`, `calibrate` or `reproduce` with"
                        + " `--cluster`) running at the --join address, and do both it and this worker have --tls, or"
                        + " neither?"))));
    }

    private Behavior<WorkerProtocol> registered(ActorRef<CoordinatorProtocol> coordinator) {
        return inEveryState(Behaviors.receive(WorkerProtocol.class)
                .onMessage(Welcome.class, w -> {
                    served = true;
                    notices.accept("serving the coordinator " + w.coordinator() + " from " + ctx.getSystem().address());
                    coordinator.tell(new CoordinatorProtocol.Pull(ctx.getSelf(), slots + prefetch));
                    return serving(coordinator);
                })
                .onMessage(Refused.class, r -> stop(Ending.REFUSED, "the coordinator refused this worker: " + r.reason()))
                .onMessage(Coordinators.class, c -> c.refs().contains(coordinator) ? Behaviors.same() : left())
                .onMessage(JoinTimedOut.class, t -> Behaviors.same()));
    }

    private Behavior<WorkerProtocol> serving(ActorRef<CoordinatorProtocol> coordinator) {
        return inEveryState(Behaviors.receive(WorkerProtocol.class)
                .onMessage(Batch.class, b -> {
                    drop(coordinator);
                    batch = b.batch();
                    try {
                        evaluator = new RunEvaluator(loader, b.scenarioTexts(), b.work());
                    } catch (ConfigError e) {
                        notices.accept("cannot run the coordinator's batch: " + e.getMessage());
                        coordinator.tell(new CoordinatorProtocol.Failed(ctx.getSelf(), b.batch(), -1, e.getMessage()));
                    }
                    return Behaviors.same();
                })
                .onMessage(Assign.class, a -> {
                    if (a.batch() != batch || evaluator == null) {
                        coordinator.tell(new CoordinatorProtocol.Pull(ctx.getSelf(), a.items().size()));
                        return Behaviors.same();
                    }
                    if (ran == 0 && running == 0 && queue.isEmpty()) {
                        notices.accept("working: took " + a.items().size() + " runs");
                    }
                    queue.addAll(a.items());
                    start();
                    return Behaviors.same();
                })
                .onMessage(BatchOver.class, o -> {
                    if (o.batch() == batch) {
                        drop(coordinator);
                    }
                    return Behaviors.same();
                })
                .onMessage(Ran.class, r -> {
                    running--;
                    ran++;
                    if (r.batch() == batch) {
                        coordinator.tell(new CoordinatorProtocol.Done(ctx.getSelf(), r.batch(), r.item().index(),
                                r.result(), r.nanos()));
                    }
                    coordinator.tell(new CoordinatorProtocol.Pull(ctx.getSelf(), 1));
                    start();
                    return Behaviors.same();
                })
                .onMessage(Crashed.class, c -> {
                    running--;
                    coordinator.tell(new CoordinatorProtocol.Failed(ctx.getSelf(), c.batch(), c.item().index(), c.error()));
                    coordinator.tell(new CoordinatorProtocol.Pull(ctx.getSelf(), 1));
                    start();
                    return Behaviors.same();
                })
                .onMessage(Coordinators.class, c -> c.refs().contains(coordinator) ? Behaviors.same() : left())
                .onMessage(JoinTimedOut.class, t -> Behaviors.same()));
    }

    /**
     * {@code state} with what every state answers alike: a TLS refusal is noted, the user's stop
     * and the coordinator's node going end the worker, and the node's removal is told as such.
     */
    private Behavior<WorkerProtocol> inEveryState(BehaviorBuilder<WorkerProtocol> state) {
        return state.onMessage(TlsRefused.class, this::onTls)
                .onMessage(Leave.class, l -> stop(Ending.STOPPED, "stopped"))
                .onMessage(CoordinatorNodeGone.class, g -> left())
                .onMessage(Ignored.class, i -> Behaviors.same())
                .onSignal(PostStop.class, this::removed)
                .build();
    }

    /** Drops the runs still queued (of a batch that is over or replaced) and asks for as many again. */
    private void drop(ActorRef<CoordinatorProtocol> coordinator) {
        if (!queue.isEmpty()) {
            coordinator.tell(new CoordinatorProtocol.Pull(ctx.getSelf(), queue.size()));
            queue.clear();
        }
        if (evaluator != null) {
            evaluator.close();
            evaluator = null;
        }
    }

    private Behavior<WorkerProtocol> onTls(TlsRefused t) {
        if (!t.message().equals(tlsFailure)) {
            tlsFailure = t.message();
            notices.accept(t.message());
        }
        return Behaviors.same();
    }

    private void start() {
        while (running < slots && !queue.isEmpty()) {
            WorkItem item = queue.poll();
            RunEvaluator runs = evaluator;
            long id = batch;
            running++;
            long began = System.nanoTime();
            ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> runs.evaluate(item), threads),
                    (result, failure) -> failure == null ? new Ran(id, item, result, System.nanoTime() - began)
                            : new Crashed(id, item, String.valueOf(rootCause(failure).getMessage())));
        }
    }

    private Behavior<WorkerProtocol> left() {
        if (evaluator != null) {
            evaluator.close();
        }
        return stop(Ending.LEFT, "the coordinator left or was removed from the cluster after this worker made " + ran + " runs");
    }

    /** The node is ending without this actor having stopped first: it was removed from the cluster. */
    private Behavior<WorkerProtocol> removed(PostStop s) {
        end.complete(new End(Ending.REMOVED, "this node was removed from the cluster (cut off from the"
                + " coordinator, and downed) after it made " + ran + " runs", served, ran));
        return Behaviors.same();
    }

    private Behavior<WorkerProtocol> stop(Ending ending, String message) {
        end.complete(new End(ending, message, served, ran));
        return Behaviors.stopped();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
