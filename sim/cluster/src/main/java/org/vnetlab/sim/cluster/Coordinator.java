package org.vnetlab.sim.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.Subscribe;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Done;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Failed;
import org.vnetlab.sim.cluster.CoordinatorProtocol.NoWorker;
import org.vnetlab.sim.cluster.CoordinatorProtocol.NodeLost;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Pull;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Register;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Stop;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Submit;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Tick;
import org.vnetlab.sim.cluster.CoordinatorProtocol.TlsRefused;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.sweep.SweepExecutor;
import org.vnetlab.sim.sweep.SweepJob;
import org.vnetlab.sim.sweep.WorkItem;

/**
 * Hands the runs of one batch after another (a sweep is one batch; a plan or a calibration one per
 * round of candidates) to the workers that ask for them. Workers stay registered between batches.
 * Every issued run is tracked with the workers it went to. When a node becomes unreachable or
 * leaves, its runs go back to the front of the queue; a run out for too long (see
 * {@code overdue-run} in reference.conf) is issued once more to another node. The first result of
 * a run counts; a later one, and any result of another batch, is dropped. A batch's outcome
 * completes with every result, or with the finished ones after a stop.
 */
public final class Coordinator extends AbstractBehavior<CoordinatorProtocol> {

    /** The receptionist key workers find the coordinator by. */
    public static final ServiceKey<CoordinatorProtocol> KEY = ServiceKey.create(CoordinatorProtocol.class,
            "vnetlab-sweep-coordinator");
    private static final String NO_WORKER = "no-worker";
    /** Room left in a message for everything but the scenario texts. */
    private static final long MESSAGE_HEADROOM = 4096;

    /** A run out with one or two workers, since {@code since} (nanoTime of its first issue). */
    private static final class Issued {
        final List<ActorRef<WorkerProtocol>> workers = new ArrayList<>(2);
        final long since;

        Issued(ActorRef<WorkerProtocol> worker, long since) {
            workers.add(worker);
            this.since = since;
        }
    }

    /** The batch being evaluated. */
    private static final class Current {
        final long id = ThreadLocalRandom.current().nextLong();
        final SweepJob job;
        final SweepExecutor.Progress progress;
        final CompletableFuture<SortedMap<Integer, RunResult>> outcome;
        final Map<Integer, WorkItem> byIndex = new HashMap<>();
        final TreeSet<Integer> pending = new TreeSet<>();
        final Map<Integer, Issued> out = new HashMap<>();
        final Set<Integer> issuedTwice = new HashSet<>();
        final SortedMap<Integer, RunResult> results = new TreeMap<>();
        long longestRunNanos;
        boolean stopping;

        Current(Submit s) {
            this.job = s.job();
            this.progress = s.progress();
            this.outcome = s.outcome();
            for (WorkItem item : job.items()) {
                byIndex.put(item.index(), item);
                pending.add(item.index());
            }
        }
    }

    private final String version;
    private final int minWorkers;
    private final ClusterSettings settings;
    private final Consumer<String> notices;
    private final TimerScheduler<CoordinatorProtocol> timers;
    private final Map<ActorRef<WorkerProtocol>, Integer> demand = new LinkedHashMap<>();
    private final Set<String> tlsReported = new HashSet<>();
    private Current current;
    private boolean started;

    private Coordinator(ActorContext<CoordinatorProtocol> ctx, TimerScheduler<CoordinatorProtocol> timers,
                        String version, int minWorkers, ClusterSettings settings, Consumer<String> notices) {
        super(ctx);
        this.timers = timers;
        this.version = version;
        this.minWorkers = minWorkers;
        this.settings = settings;
        this.notices = notices;
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
        ActorRef<ClusterEvent.UnreachableMember> unreachable = ctx.messageAdapter(ClusterEvent.UnreachableMember.class,
                e -> new NodeLost(e.member().address(), true));
        ActorRef<ClusterEvent.MemberRemoved> removed = ctx.messageAdapter(ClusterEvent.MemberRemoved.class,
                e -> new NodeLost(e.member().address(), false));
        ctx.getSystem().eventStream().tell(new EventStream.Subscribe<>(TlsFailure.class,
                ctx.messageAdapter(TlsFailure.class, f -> new TlsRefused(f.message()))));
        Cluster cluster = Cluster.get(ctx.getSystem());
        cluster.subscriptions().tell(Subscribe.create(unreachable, ClusterEvent.UnreachableMember.class));
        cluster.subscriptions().tell(Subscribe.create(removed, ClusterEvent.MemberRemoved.class));
        Duration tick = settings.overdueMin().dividedBy(4);
        timers.startTimerWithFixedDelay(new Tick(), tick.compareTo(Duration.ofSeconds(1)) < 0 ? tick
                : Duration.ofSeconds(1));
    }

    /**
     * @param minWorkers issue no run before this many workers have registered (then any number);
     *                   a batch fails when they have not within the join timeout, or when every
     *                   worker was lost and none came back within it
     */
    public static Behavior<CoordinatorProtocol> create(String version, int minWorkers, ClusterSettings settings,
                                                       Consumer<String> notices) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new Coordinator(ctx, timers, version, minWorkers, settings, notices)));
    }

    @Override
    public Receive<CoordinatorProtocol> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Register.class, this::onRegister)
                .onMessage(Pull.class, this::onPull)
                .onMessage(Done.class, this::onDone)
                .onMessage(Failed.class, this::onFailed)
                .onMessage(NodeLost.class, this::onNodeLost)
                .onMessage(Stop.class, this::onStop)
                .onMessage(Tick.class, this::onTick)
                .onMessage(TlsRefused.class, this::onTlsRefused)
                .onMessage(NoWorker.class, this::onNoWorker)
                .build();
    }

    private Behavior<CoordinatorProtocol> onSubmit(Submit s) {
        if (current != null) {
            s.outcome().completeExceptionally(new IllegalStateException("a coordinator evaluates one batch at a time"));
            return this;
        }
        long textBytes = s.job().scenarioTexts().stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        long limit = settings.maximumMessageBytes() - MESSAGE_HEADROOM;
        if (textBytes > limit) {
            s.outcome().completeExceptionally(new IllegalStateException("the batch's scenarios are " + textBytes
                    + " bytes of text, more than the " + limit + " a message may carry (raise vnetlab.cluster.node"
                    + ".pekko.remote.artery.advanced.maximum-frame-size on every node)"));
            return this;
        }
        if (s.job().items().isEmpty()) {
            s.outcome().complete(new TreeMap<>());
            return this;
        }
        current = new Current(s);
        WorkerProtocol.Batch batch = batchMessage();
        demand.keySet().forEach(w -> w.tell(batch));
        watchWorkers();
        dispatch();
        return this;
    }

    private Behavior<CoordinatorProtocol> onRegister(Register r) {
        String node = node(r.worker());
        if (!r.version().equals(version)) {
            String why = "this worker is vnetlab " + r.version() + ", the coordinator is vnetlab " + version;
            notices.accept("refused worker " + node + ": " + why);
            r.worker().tell(new WorkerProtocol.Refused(why));
            return this;
        }
        notices.accept("worker " + node + " joined with " + r.slots() + " slots");
        demand.putIfAbsent(r.worker(), 0);
        r.worker().tell(new WorkerProtocol.Welcome(getContext().getSystem().address().toString()));
        if (current != null) {
            r.worker().tell(batchMessage());
        }
        watchWorkers();
        return this;
    }

    private Behavior<CoordinatorProtocol> onPull(Pull p) {
        if (demand.containsKey(p.worker())) {
            demand.merge(p.worker(), p.count(), Integer::sum);
            dispatch();
        }
        return this;
    }

    private Behavior<CoordinatorProtocol> onDone(Done d) {
        Current c = current;
        if (c == null || d.batch() != c.id || c.results.containsKey(d.index()) || !c.byIndex.containsKey(d.index())) {
            getContext().getLog().debug("dropped a late or duplicate result of run {} from {}", d.index(),
                    node(d.worker()));
            return this;
        }
        c.results.put(d.index(), d.result());
        c.out.remove(d.index());
        c.pending.remove(d.index());
        c.longestRunNanos = Math.max(c.longestRunNanos, d.nanos());
        c.progress.made(d.index(), d.result());
        c.progress.runDone(c.results.size(), c.job.items().size());
        if (c.results.size() == c.job.items().size() || c.stopping && c.out.isEmpty()) {
            finish();
        }
        return this;
    }

    private Behavior<CoordinatorProtocol> onFailed(Failed f) {
        Current c = current;
        if (c == null || f.batch() != c.id) {
            return this;
        }
        String what = f.index() < 0 ? "worker " + node(f.worker()) + " cannot run the batch: "
                : "run " + f.index() + " failed on worker " + node(f.worker()) + ": ";
        end(() -> c.outcome.completeExceptionally(new IllegalStateException(what + f.error())));
        return this;
    }

    private Behavior<CoordinatorProtocol> onNodeLost(NodeLost lost) {
        Cluster cluster = Cluster.get(getContext().getSystem());
        if (lost.unreachable() && !lost.address().equals(cluster.selfMember().address())) {
            // A batch does not wait for a worker to come back: down it now, so the cluster
            // converges (and this node can leave it) without waiting for the split-brain resolver.
            cluster.manager().tell(new Down(lost.address()));
        }
        String address = lost.address().toString();
        demand.keySet().removeIf(w -> node(w).equals(address));
        Current c = current;
        if (c != null) {
            List<Integer> again = new ArrayList<>();
            for (Iterator<Map.Entry<Integer, Issued>> it = c.out.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, Issued> e = it.next();
                List<ActorRef<WorkerProtocol>> holders = e.getValue().workers;
                if (holders.removeIf(w -> node(w).equals(address)) && holders.isEmpty()) {
                    again.add(e.getKey());
                    it.remove();
                }
            }
            if (!again.isEmpty()) {
                notices.accept("lost worker " + address + ": issuing its " + again.size() + " runs again");
                if (!c.stopping) {
                    c.pending.addAll(again);
                    dispatch();
                }
            }
            if (c.stopping && c.out.isEmpty()) {
                finish();
            }
        }
        watchWorkers();
        return this;
    }

    private Behavior<CoordinatorProtocol> onStop(Stop s) {
        Current c = current;
        if (c != null) {
            c.stopping = true;
            c.pending.clear();
            if (c.out.isEmpty()) {
                finish();
            }
        }
        return this;
    }

    /**
     * Issues once more every run that has been out, with one worker only, for longer than
     * max(min, factor x the batch's longest run so far).
     */
    private Behavior<CoordinatorProtocol> onTick(Tick t) {
        Current c = current;
        if (c == null || c.stopping || c.longestRunNanos == 0) {
            return this;
        }
        long limit = Math.max(settings.overdueMin().toNanos(), (long) (settings.overdueFactor() * c.longestRunNanos));
        long now = System.nanoTime();
        Map<String, Integer> overdue = new TreeMap<>();
        c.out.forEach((index, issued) -> {
            if (issued.workers.size() == 1 && now - issued.since > limit && c.issuedTwice.add(index)) {
                c.pending.add(index);
                overdue.merge(node(issued.workers.get(0)), 1, Integer::sum);
            }
        });
        overdue.forEach((node, n) -> notices.accept(String.format(java.util.Locale.ROOT,
                "worker %s has had %d runs out for more than %.1f s (%.0f x the longest run, or %d s at least):"
                        + " issuing them again", node, n, limit / 1e9, settings.overdueFactor(),
                settings.overdueMin().toSeconds())));
        if (!overdue.isEmpty()) {
            dispatch();
        }
        return this;
    }

    private Behavior<CoordinatorProtocol> onTlsRefused(TlsRefused t) {
        if (tlsReported.add(t.message())) {
            notices.accept(t.message());
        }
        return this;
    }

    private Behavior<CoordinatorProtocol> onNoWorker(NoWorker n) {
        Current c = current;
        if (c == null || !lacksWorkers()) {
            return this;
        }
        String address = getContext().getSystem().address().toString();
        String why = started ? "every worker was lost and none joined the cluster at " + address + " within "
                + settings.joinTimeout().toSeconds() + " s"
                : demand.size() + " of " + minWorkers + " workers joined the cluster at " + address
                        + " in time (start them: vnetlab worker --join HOST:PORT, with --tls where this node has it)";
        end(() -> c.outcome.completeExceptionally(new IllegalStateException(why)));
        return this;
    }

    /** Whether the current batch waits for workers: fewer than asked for before the first run, none after. */
    private boolean lacksWorkers() {
        started = started || demand.size() >= minWorkers;
        return current != null && (started ? demand.isEmpty() : demand.size() < minWorkers);
    }

    /** Starts the join timeout while the batch lacks workers, and stops it when it has them. */
    private void watchWorkers() {
        if (!lacksWorkers()) {
            timers.cancel(NO_WORKER);
        } else if (!timers.isTimerActive(NO_WORKER)) {
            timers.startSingleTimer(NO_WORKER, new NoWorker(), settings.joinTimeout());
        }
    }

    /**
     * Gives every worker with demand as many pending runs as it asked for, lowest index first and
     * never a run it already has, once enough workers have registered.
     */
    private void dispatch() {
        Current c = current;
        if (c == null || c.stopping || lacksWorkers()) {
            return;
        }
        long now = System.nanoTime();
        for (Map.Entry<ActorRef<WorkerProtocol>, Integer> e : demand.entrySet()) {
            if (c.pending.isEmpty()) {
                return;
            }
            ActorRef<WorkerProtocol> worker = e.getKey();
            List<WorkItem> items = new ArrayList<>();
            for (Iterator<Integer> it = c.pending.iterator(); it.hasNext() && items.size() < e.getValue(); ) {
                int index = it.next();
                Issued issued = c.out.get(index);
                if (issued != null && issued.workers.contains(worker)) {
                    continue;
                }
                it.remove();
                if (issued == null) {
                    c.out.put(index, new Issued(worker, now));
                } else {
                    issued.workers.add(worker);
                }
                items.add(c.byIndex.get(index));
            }
            if (!items.isEmpty()) {
                e.setValue(e.getValue() - items.size());
                worker.tell(new WorkerProtocol.Assign(c.id, items));
            }
        }
    }

    private void finish() {
        Current c = current;
        end(() -> c.outcome.complete(new TreeMap<>(c.results)));
    }

    /** Ends the current batch: workers drop its queued runs, then the outcome is told. */
    private void end(Runnable tellOutcome) {
        WorkerProtocol.BatchOver over = new WorkerProtocol.BatchOver(current.id);
        demand.keySet().forEach(w -> w.tell(over));
        current = null;
        timers.cancel(NO_WORKER);
        tellOutcome.run();
    }

    private WorkerProtocol.Batch batchMessage() {
        return new WorkerProtocol.Batch(current.id, current.job.scenarioTexts(), current.job.work());
    }

    /** The address of a worker's node, as cluster events name it. */
    private String node(ActorRef<?> worker) {
        var a = worker.path().address();
        return a.hasLocalScope() ? getContext().getSystem().address().toString() : a.toString();
    }
}
