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

    /**
     * The coordinator accepted the worker: the sweep's scenario as HOCON text (never a path) and
     * what to do with each item.
     */
    record Welcome(String scenarioText, Work work) implements WorkerProtocol, ClusterMessage {
    }

    /** The coordinator refused the worker, for the reason given (another vnetlab version). */
    record Refused(String reason) implements WorkerProtocol, ClusterMessage {
    }

    /** Runs to make; their results go back as {@link CoordinatorProtocol.Done}. */
    record Assign(List<WorkItem> items) implements WorkerProtocol, ClusterMessage {
    }

    /** The sweep is over (finished or stopped) after {@code results} runs; no more work will come. */
    record SweepOver(int results) implements WorkerProtocol, ClusterMessage {
    }

    /** The receptionist's current coordinators (none once the coordinator has left). */
    record Coordinators(Set<ActorRef<CoordinatorProtocol>> refs)
            implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** A run of this worker finished. */
    record Ran(WorkItem item, RunResult result) implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** A run of this worker threw. */
    record Crashed(WorkItem item, String error) implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** A TLS handshake with another node failed (see {@link TlsEngineProvider}). */
    record TlsRefused(String message) implements WorkerProtocol, NoSerializationVerificationNeeded {
    }

    /** The worker could not join its seed within the join timeout. */
    record JoinTimedOut() implements WorkerProtocol, NoSerializationVerificationNeeded {
    }
}
