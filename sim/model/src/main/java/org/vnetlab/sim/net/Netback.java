package org.vnetlab.sim.net;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.Costs;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * Dom0's netback: one receive and one transmit tasklet serve every guest (XEN-FACTS), so all
 * guests' network work in Dom0 is serialised on one VCPU. Receive moves packets from the vifs'
 * queues into the guests' shared rings by grant copy; a guest with no free receive buffer stops
 * its vif's queue, which then fills and drops ({@code GUEST.netback.vif.drop}, the vif's
 * tx_dropped). Transmit takes guests' requests off their rings through the bridge to the NIC.
 */
public final class Netback {

    /** One guest's side of netback: its vif queue, its rings. */
    private record Vif(int port, PacketQueue fromBridge, NetfrontRx front, NetfrontTx txRing) {
    }

    private final Costs costs;
    private final Bridge bridge;
    private final NicTx nic;
    private final List<Vif> vifs = new ArrayList<>();
    private final RxTasklet rx;
    private final TxTasklet tx;
    private final int batchLimit;
    private final RandomStream random;

    public Netback(Domain dom0, Costs costs, Bridge bridge, NicTx nic, int batchLimit, RandomStream random) {
        this.costs = costs;
        this.bridge = bridge;
        this.nic = nic;
        this.batchLimit = batchLimit;
        this.random = random;
        this.rx = new RxTasklet(dom0);
        this.tx = new TxTasklet(dom0);
    }

    public Task rxTasklet() {
        return rx;
    }

    public Task txTasklet() {
        return tx;
    }

    /** Connects a guest: its vif queue (a bridge port), its netfront, its transmit ring. */
    public void connect(PacketQueue fromBridge, int bridgePort, NetfrontRx front, NetfrontTx txRing) {
        vifs.add(new Vif(bridgePort, fromBridge, front, txRing));
        fromBridge.onNonEmpty(rx::wake);
        front.onBuffersPosted(rx::wake);
        txRing.onRequests(tx::wake);
    }

    /** Guest-bound packets: vif queue to the guest's ring, by grant copy. */
    private final class RxTasklet extends Task {
        /** The guest sees the responses when the run pushes them and notifies it, at its end. */
        private final JobOutput copy = JobOutput.atEnd("netback.rx.copy");
        private final List<PacketQueue> targets = new ArrayList<>();
        /** Into the guest's receive ring. */
        private final JobOutput.Delivery toGuest = (segment, n, first, step) -> copy.taken().moveHeadTo(
                targets.get(segment), n, first, step);
        /** Free ring slots per guest during a job (reused: no allocation per job). */
        private int[] room = new int[0];
        private int next;

        RxTasklet(Domain dom0) {
            super("netback.rx", dom0, Context.TASKLET);
        }

        @Override
        protected boolean hasWork(long now) {
            for (Vif v : vifs) {
                if (!v.fromBridge.isEmpty() && v.front.ring().room() > 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected double beginJob(long now) {
            copy.clear();
            targets.clear();
            int taken = 0;
            if (room.length < vifs.size()) {
                room = new int[vifs.size()];
            }
            for (int i = 0; i < vifs.size(); i++) {
                room[i] = vifs.get(i).front.ring().room();
            }
            boolean progress = true;
            while (taken < batchLimit && progress) {
                progress = false;
                for (int i = 0; i < vifs.size() && taken < batchLimit; i++) {
                    int index = (next + i) % vifs.size();
                    Vif v = vifs.get(index);
                    if (v.fromBridge.isEmpty() || room[index] == 0) {
                        continue;
                    }
                    int n = Math.min(Math.min(v.fromBridge.headCount(), room[index]), batchLimit - taken);
                    copy.take(v.fromBridge, n, costs.netbackRx + costs.netbackRxPerByte * v.fromBridge.headPayload(),
                            now);
                    targets.add(v.front.ring());
                    room[index] -= n;
                    taken += n;
                    progress = true;
                }
            }
            next = (next + 1) % Math.max(1, vifs.size());
            return copy.work(now, costs.netbackNotify, random.jitter(costs.jitter), partPackets());
        }

        @Override
        protected double nextPart() {
            return copy.nextPart();
        }

        @Override
        protected void partDone(long now) {
            copy.partDone(now, toGuest);
        }

        @Override
        protected void endJob(long start, long end) {
            copy.finish(end, toGuest);
        }
    }

    /** Guests' transmit requests: ring to bridge to NIC. */
    private final class TxTasklet extends Task {
        private final JobOutput out = new JobOutput("netback.tx.out");
        private final List<Vif> sources = new ArrayList<>();
        /** A segment of the job's packets, re-timed as the NIC gets them. */
        private final Train sent = new Train();
        /** Through the bridge to the NIC. */
        private final JobOutput.Delivery toNic = (segment, n, first, step) -> {
            Vif v = sources.get(segment);
            bridge.learn(v.txRing.mac(), v.port);
            PacketQueue q = out.taken();
            nic.send(q.head(sent).count(n).readyAt(first).readyEvery(step));
            q.removeHead(n);
        };
        private int next;

        TxTasklet(Domain dom0) {
            super("netback.tx", dom0, Context.TASKLET);
        }

        @Override
        protected boolean hasWork(long now) {
            boolean requests = false;
            for (Vif v : vifs) {
                requests |= !v.txRing.queue().isEmpty();
            }
            if (!requests) {
                return false;
            }
            return nic.roomFor(this, now);
        }

        @Override
        protected double beginJob(long now) {
            int limit = Math.min(batchLimit, nic.room(now));
            out.clear();
            sources.clear();
            int taken = 0;
            boolean progress = true;
            while (taken < limit && progress) {
                progress = false;
                for (int i = 0; i < vifs.size() && taken < limit; i++) {
                    Vif v = vifs.get((next + i) % vifs.size());
                    PacketQueue q = v.txRing.queue();
                    if (q.isEmpty()) {
                        continue;
                    }
                    int n = Math.min(q.headCount(), limit - taken);
                    out.take(q, n, costs.netbackTx + costs.netbackTxPerByte * q.headPayload() + costs.bridge
                            + costs.driverTx, now);
                    sources.add(v);
                    taken += n;
                    progress = true;
                }
            }
            next = (next + 1) % Math.max(1, vifs.size());
            for (Vif v : vifs) {
                v.txRing.drained();
            }
            return out.work(now, costs.netbackNotify, random.jitter(costs.jitter), partPackets());
        }

        @Override
        protected double nextPart() {
            return out.nextPart();
        }

        @Override
        protected void partDone(long now) {
            out.partDone(now, toNic);
        }

        @Override
        protected void endJob(long start, long end) {
            out.finish(end, toNic);
        }
    }
}
