package org.vnetlab.sim.cluster;

import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.vnetlab.sim.experiment.RunResult;

/** What a sweep's coordinator is told: by workers over the network, and by its own node. */
public sealed interface CoordinatorProtocol {

    /** A worker introduces itself; answered with {@link WorkerProtocol.Welcome} or {@link WorkerProtocol.Refused}. */
    record Register(ActorRef<WorkerProtocol> worker, String version, int slots)
            implements CoordinatorProtocol, ClusterMessage {
    }

    /** A worker wants {@code count} more runs. */
    record Pull(ActorRef<WorkerProtocol> worker, int count) implements CoordinatorProtocol, ClusterMessage {
    }

    /** A worker finished run {@code index}. */
    record Done(ActorRef<WorkerProtocol> worker, int index, RunResult result)
            implements CoordinatorProtocol, ClusterMessage {
    }

    /** Run {@code index} threw on a worker: the sweep fails with this error. */
    record Failed(ActorRef<WorkerProtocol> worker, int index, String error)
            implements CoordinatorProtocol, ClusterMessage {
    }

    /**
     * The node at {@code address} became unreachable (and is downed by the coordinator) or was
     * removed: its runs are issued again.
     */
    record NodeLost(Address address, boolean unreachable) implements CoordinatorProtocol,
            NoSerializationVerificationNeeded {
    }

    /** The user asked to stop: no new runs are issued and the finished ones are handed back. */
    record Stop() implements CoordinatorProtocol, NoSerializationVerificationNeeded {
    }

    /** A TLS handshake with another node failed (see {@link TlsEngineProvider}). */
    record TlsRefused(String message) implements CoordinatorProtocol, NoSerializationVerificationNeeded {
    }

    /** No worker registered within the join timeout. */
    record NoWorkerYet() implements CoordinatorProtocol, NoSerializationVerificationNeeded {
    }
}
