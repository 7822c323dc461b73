package org.vnetlab.sim.net;

import java.util.Arrays;
import org.vnetlab.sim.cpu.Irq;

/**
 * The sockets whose datagrams a port holds until it frees them, by flow. A NIC frees frames by
 * flow as they leave the wire, in wire order ({@link #freed}); a paravirtual ring frees its
 * requests in the order they were queued ({@link #queued}, then {@link #freedInOrder}).
 */
final class SocketHolds {

    private SendBuffer[] byFlow = new SendBuffer[4];
    /** Runs of queued frames not yet freed, oldest first: whose socket, how many. */
    private SendBuffer[] runOwner = new SendBuffer[8];
    private int[] runCount = new int[8];
    private int first;
    private int runs;

    /** Datagrams of {@code flow} sent through the port are held in {@code buffer} until it frees them. */
    void register(int flow, SendBuffer buffer) {
        if (flow >= byFlow.length) {
            byFlow = Arrays.copyOf(byFlow, Math.max(flow + 1, byFlow.length * 2));
        }
        byFlow[flow] = buffer;
    }

    /** The port freed {@code n} frames of {@code flow}. */
    void freed(int flow, int n, Irq line) {
        if (flow < byFlow.length && byFlow[flow] != null) {
            byFlow[flow].free(n, line);
        }
    }

    /** {@code n} frames of {@code flow} were queued, to be freed in order. */
    void queued(int flow, int n) {
        if (n == 0) {
            return;
        }
        SendBuffer owner = flow < byFlow.length ? byFlow[flow] : null;
        if (runs > 0 && runOwner[last()] == owner) {
            runCount[last()] += n;
            return;
        }
        if (runs == runOwner.length) {
            grow();
        }
        int at = (first + runs) % runOwner.length;
        runOwner[at] = owner;
        runCount[at] = n;
        runs++;
    }

    /** The {@code n} oldest frames queued were freed. */
    void freedInOrder(int n, Irq line) {
        while (n > 0 && runs > 0) {
            int k = Math.min(n, runCount[first]);
            if (runOwner[first] != null) {
                runOwner[first].free(k, line);
            }
            runCount[first] -= k;
            n -= k;
            if (runCount[first] == 0) {
                runOwner[first] = null;
                first = (first + 1) % runOwner.length;
                runs--;
            }
        }
    }

    private int last() {
        return (first + runs - 1) % runOwner.length;
    }

    private void grow() {
        SendBuffer[] owners = new SendBuffer[runOwner.length * 2];
        int[] counts = new int[owners.length];
        for (int i = 0; i < runs; i++) {
            owners[i] = runOwner[(first + i) % runOwner.length];
            counts[i] = runCount[(first + i) % runOwner.length];
        }
        runOwner = owners;
        runCount = counts;
        first = 0;
    }
}
