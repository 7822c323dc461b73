package org.vnetlab.sim.cluster;

import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.sweep.SweepExecutor;
import org.vnetlab.sim.sweep.SweepJob;

/** What a coordinator is told: by workers over the network, and by its own node. */
public sealed interface CoordinatorProtocol {

    /** A worker introduces itself; answered with {@link WorkerProtocol.Welcome} or {@link WorkerProtocol.Refused}. */
    record Register(ActorRef<WorkerProtocol> worker, String version, int slots)
            implements CoordinatorProtocol, ClusterMessage {
    }

    /** A worker wants {@code count} more runs. */
    record Pull(ActorRef<WorkerProtocol> worker, int count) implements CoordinatorProtocol, ClusterMessage {
    }

    /** A worker finished run {@code index} of batch {@code batch}, which took it {@code nanos}. */
    record Done(ActorRef<WorkerProtocol> worker, long batch, int index, RunResult result, long nanos)
            implements CoordinatorProtocol, ClusterMessage {
    }

    /**
     * Run {@code index} of batch {@code batch} threw on a worker, or (index -1) the worker cannot
     * load the batch's scenarios: the batch fails with this error.
     */
    record Failed(ActorRef<WorkerProtocol> worker, long batch, int index, String error)
            implements CoordinatorProtocol, ClusterMessage {
    }

    /** This node's caller hands over a batch: the coordinator evaluates one at a time. */
    record Submit(SweepJob job, SweepExecutor.Progress progress, CompletableFuture<SortedMap<Integer, RunResult>> outcome)
            implements CoordinatorProtocol, NoSerializationVerificationNeeded {
    }

    /** The user asked to stop: no new runs of the batch are issued and the finished ones are handed back. */
    record Stop() implements CoordinatorProtocol, NoSerializationVerificationNeeded {
    }

    /**
     * The node at {@code address} became unreachable (and is downed by the coordinator) or was
     * removed: its runs are issued again.
     */
    record NodeLost(Address address, boolean unreachable) implements CoordinatorProtocol,
            NoSerializationVerificationNeeded {
    }

    /** A TLS handshake with another node failed (see {@link TlsEngineProvider}). */
    record TlsRefused(String message) implements CoordinatorProtocol, NoSerializationVerificationNeeded {
    }

    /** Not enough workers registered within the join timeout (or, once started, none is left). */
    record NoWorker() implements CoordinatorProtocol, NoSerializationVerificationNeeded {
    }

    /** Time to look for overdue runs. */
    record Tick() implements CoordinatorProtocol, NoSerializationVerificationNeeded {
    }
}
