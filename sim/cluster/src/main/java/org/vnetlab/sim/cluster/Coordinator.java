package org.vnetlab.sim.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.Subscribe;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Done;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Failed;
import org.vnetlab.sim.cluster.CoordinatorProtocol.NoWorkerYet;
import org.vnetlab.sim.cluster.CoordinatorProtocol.NodeLost;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Pull;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Register;
import org.vnetlab.sim.cluster.CoordinatorProtocol.Stop;
import org.vnetlab.sim.cluster.CoordinatorProtocol.TlsRefused;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.sweep.SweepExecutor;
import org.vnetlab.sim.sweep.SweepJob;
import org.vnetlab.sim.sweep.WorkItem;

/**
 * Hands a sweep's runs to the workers that ask for them. Every issued run is tracked with the
 * node it went to; when a node becomes unreachable or leaves, its runs go back to the front of
 * the queue and are issued again. The first result of a run counts; a later one (from a worker
 * thought lost) is dropped. The outcome completes with every result, or with the finished ones
 * after a stop.
 */
public final class Coordinator extends AbstractBehavior<CoordinatorProtocol> {

    /** The receptionist key workers find the coordinator by. */
    public static final ServiceKey<CoordinatorProtocol> KEY = ServiceKey.create(CoordinatorProtocol.class,
            "vnetlab-sweep-coordinator");

    private final SweepJob job;
    private final String version;
    private final SweepExecutor.Progress progress;
    private final Consumer<String> notices;
    private final CompletableFuture<SortedMap<Integer, RunResult>> outcome;
    private final Map<Integer, WorkItem> byIndex = new HashMap<>();
    private final TreeSet<Integer> pending = new TreeSet<>();
    private final Map<Integer, String> inFlight = new HashMap<>();
    private final Map<ActorRef<WorkerProtocol>, Integer> demand = new LinkedHashMap<>();
    private final SortedMap<Integer, RunResult> results = new TreeMap<>();
    private final Set<String> tlsReported = new HashSet<>();
    private final int minWorkers;
    private boolean started;
    private boolean stopping;

    private Coordinator(ActorContext<CoordinatorProtocol> ctx, SweepJob job, String version, int minWorkers,
                        SweepExecutor.Progress progress, Consumer<String> notices,
                        CompletableFuture<SortedMap<Integer, RunResult>> outcome) {
        super(ctx);
        this.job = job;
        this.version = version;
        this.minWorkers = minWorkers;
        this.progress = progress;
        this.notices = notices;
        this.outcome = outcome;
        for (WorkItem item : job.items()) {
            byIndex.put(item.index(), item);
            pending.add(item.index());
        }
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
        if (job.items().isEmpty()) {
            outcome.complete(results);
        }
    }

    /**
     * @param minWorkers  issue no run before this many workers have registered (then any number)
     * @param joinTimeout how long to wait for them before failing
     * @param outcome     completed with the results by item index, or exceptionally with a one-line error
     */
    public static Behavior<CoordinatorProtocol> create(SweepJob job, String version, int minWorkers,
                                                       Duration joinTimeout, SweepExecutor.Progress progress,
                                                       Consumer<String> notices,
                                                       CompletableFuture<SortedMap<Integer, RunResult>> outcome) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startSingleTimer(new NoWorkerYet(), joinTimeout);
            return new Coordinator(ctx, job, version, minWorkers, progress, notices, outcome);
        }));
    }

    @Override
    public Receive<CoordinatorProtocol> createReceive() {
        return newReceiveBuilder()
                .onMessage(Register.class, this::onRegister)
                .onMessage(Pull.class, this::onPull)
                .onMessage(Done.class, this::onDone)
                .onMessage(Failed.class, this::onFailed)
                .onMessage(NodeLost.class, this::onNodeLost)
                .onMessage(Stop.class, this::onStop)
                .onMessage(TlsRefused.class, this::onTlsRefused)
                .onMessage(NoWorkerYet.class, this::onNoWorkerYet)
                .build();
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
        r.worker().tell(stopping || outcome.isDone() ? new WorkerProtocol.SweepOver(results.size())
                : new WorkerProtocol.Welcome(job.scenarioText(), job.work()));
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
        if (results.containsKey(d.index()) || !byIndex.containsKey(d.index())) {
            getContext().getLog().debug("dropped a duplicate result of run {} from {}", d.index(), node(d.worker()));
            return this;
        }
        results.put(d.index(), d.result());
        inFlight.remove(d.index());
        pending.remove(d.index());
        progress.runDone(results.size(), job.items().size());
        if (results.size() == job.items().size()) {
            finish();
        } else if (stopping && inFlight.isEmpty()) {
            finish();
        }
        return this;
    }

    private Behavior<CoordinatorProtocol> onFailed(Failed f) {
        outcome.completeExceptionally(new IllegalStateException("run " + f.index() + " failed on worker "
                + node(f.worker()) + ": " + f.error()));
        tellWorkers(new WorkerProtocol.SweepOver(results.size()));
        return this;
    }

    private Behavior<CoordinatorProtocol> onNodeLost(NodeLost lost) {
        Cluster cluster = Cluster.get(getContext().getSystem());
        if (lost.unreachable() && !lost.address().equals(cluster.selfMember().address())) {
            // A sweep does not wait for a worker to come back: down it now, so the cluster
            // converges (and this node can leave it) without waiting for the split-brain resolver.
            cluster.manager().tell(new Down(lost.address()));
        }
        String address = lost.address().toString();
        demand.keySet().removeIf(w -> node(w).equals(address));
        List<Integer> again = new ArrayList<>();
        for (Iterator<Map.Entry<Integer, String>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, String> e = it.next();
            if (e.getValue().equals(address)) {
                again.add(e.getKey());
                it.remove();
            }
        }
        if (!again.isEmpty()) {
            notices.accept("lost worker " + address + ": issuing its " + again.size() + " runs again");
            if (!stopping) {
                pending.addAll(again);
                dispatch();
            } else if (inFlight.isEmpty()) {
                finish();
            }
        }
        return this;
    }

    private Behavior<CoordinatorProtocol> onStop(Stop s) {
        stopping = true;
        pending.clear();
        if (inFlight.isEmpty()) {
            finish();
        }
        return this;
    }

    private Behavior<CoordinatorProtocol> onTlsRefused(TlsRefused t) {
        if (tlsReported.add(t.message())) {
            notices.accept(t.message());
        }
        return this;
    }

    private Behavior<CoordinatorProtocol> onNoWorkerYet(NoWorkerYet n) {
        if (!started && !outcome.isDone()) {
            outcome.completeExceptionally(new IllegalStateException(demand.size() + " of " + minWorkers
                    + " workers joined the cluster at " + getContext().getSystem().address()
                    + " in time (start them: vnetlab worker --join HOST:PORT)"));
        }
        return this;
    }

    /**
     * Gives every worker with demand as many pending runs as it asked for, lowest index first,
     * once enough workers have registered.
     */
    private void dispatch() {
        started = started || demand.size() >= minWorkers;
        if (!started) {
            return;
        }
        for (Map.Entry<ActorRef<WorkerProtocol>, Integer> e : demand.entrySet()) {
            if (pending.isEmpty()) {
                return;
            }
            int n = Math.min(e.getValue(), pending.size());
            if (n == 0) {
                continue;
            }
            List<WorkItem> items = new ArrayList<>(n);
            String node = node(e.getKey());
            for (int i = 0; i < n; i++) {
                int index = pending.pollFirst();
                inFlight.put(index, node);
                items.add(byIndex.get(index));
            }
            e.setValue(e.getValue() - n);
            e.getKey().tell(new WorkerProtocol.Assign(items));
        }
    }

    private void finish() {
        tellWorkers(new WorkerProtocol.SweepOver(results.size()));
        outcome.complete(new TreeMap<>(results));
    }

    private void tellWorkers(WorkerProtocol m) {
        demand.keySet().forEach(w -> w.tell(m));
    }

    /** The address of a worker's node, as cluster events name it. */
    private String node(ActorRef<?> worker) {
        var a = worker.path().address();
        return a.hasLocalScope() ? getContext().getSystem().address().toString() : a.toString();
    }
}
