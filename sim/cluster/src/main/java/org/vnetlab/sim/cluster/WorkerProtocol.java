package org.vnetlab.sim.cluster;

import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.sweep.Work;
import org.vnetlab.sim.sweep.WorkItem;

/** What a worker is told: by the coordinator over the network, and by its own node. */
public sealed interface WorkerProtocol {

    /** The coordinator (at {@code coordinator}, its node's address) accepted the worker. */
    record Welcome(String coordinator) implements WorkerProtocol, ClusterMessage {
    }

    /** The coordinator refused the worker, for the reason given (another vnetlab version). */
    record Refused(String reason) implements WorkerProtocol, ClusterMessage {
    }

    /**
     * A batch of runs begins: its scenarios as HOCON text (never a path) and what to do with each
     * item. Runs of other batches still queued are dropped.
     */
    record Batch(long batch, List<String> scenarioTexts, Work work) implements WorkerProtocol, ClusterMessage {
    }

    /** Runs of batch {@code batch} to make; their results go back as {@link CoordinatorProtocol.Done}. */
    record Assign(long batch, List<WorkItem> items) implements WorkerProtocol, ClusterMessage {
    }

    /** Batch {@code batch} is over (finished, stopped or failed): its runs still queued are not needed. */
    record BatchOver(long batch) implements WorkerProtocol, ClusterMessage {
    }

    /** The receptionist's current coordinators (none once the coordinator has left or is unreachable). */
    record Coordinators(Set<ActorRef<CoordinatorProtocol>> refs)
            implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /**
     * The coordinator's node is leaving this node's cluster, left it or became unreachable:
     * whatever comes next at the seed address is another cluster, which this node cannot join.
     */
    record CoordinatorNodeGone() implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** Another member's news, of no concern to the worker. */
    record Ignored() implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** A run of this worker finished after {@code nanos}. */
    record Ran(long batch, WorkItem item, RunResult result, long nanos)
            implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** A run of this worker threw. */
    record Crashed(long batch, WorkItem item, String error) implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** A TLS handshake with another node failed (see {@link TlsEngineProvider}). */
    record TlsRefused(String message) implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** The user stopped the worker: it leaves its coordinator. */
    record Leave() implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** The worker could not join its seed within the join timeout. */
    record JoinTimedOut() implements WorkerProtocol, NoSerializationVerificationNeeded {
    }
}
