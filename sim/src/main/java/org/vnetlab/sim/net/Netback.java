package org.vnetlab.sim.net;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Priority;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.model.Costs;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * Dom0's netback: one receive and one transmit tasklet serve every guest (XEN-FACTS), so all
 * guests' network work in Dom0 is serialised on one VCPU. Receive moves packets from the vifs'
 * queues into the guests' shared rings by grant copy, dropping those for a guest with no free
 * receive buffer ({@code GUEST.netback.rx.nobuf}); transmit takes guests' requests off their
 * rings through the bridge to the NIC.
 */
public final class Netback {

    /** One guest's side of netback: its vif queue, its rings, its waiting sender. */
    public static final class Vif {
        final int port;
        final PacketQueue fromBridge;
        final PacketQueue rxRing;
        final NetfrontTx txRing;

        Vif(int port, PacketQueue fromBridge, PacketQueue rxRing, NetfrontTx txRing) {
            this.port = port;
            this.fromBridge = fromBridge;
            this.rxRing = rxRing;
            this.txRing = txRing;
        }
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

    /** Connects a guest: its vif queue (a bridge port), its receive ring, its transmit ring. */
    public void connect(PacketQueue fromBridge, int bridgePort, PacketQueue rxRing, NetfrontTx txRing) {
        vifs.add(new Vif(bridgePort, fromBridge, rxRing, txRing));
        fromBridge.onNonEmpty(rx::wake);
        txRing.onRequests(tx::wake);
    }

    /** Guest-bound packets: vif queue to the guest's ring, by grant copy. */
    private final class RxTasklet extends Task {
        private final PacketQueue moving = new PacketQueue("netback.rx.moving", 4096);
        private final List<PacketQueue> targets = new ArrayList<>();
        private final double[] cumulative = new double[4096];
        private int next;

        RxTasklet(Domain dom0) {
            super("netback.rx", dom0, Priority.SOFTIRQ);
        }

        @Override
        protected boolean hasWork(long now) {
            for (Vif v : vifs) {
                if (!v.fromBridge.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected double beginJob(long now) {
            double cost = costs.netbackNotify;
            targets.clear();
            int taken = 0;
            boolean progress = true;
            while (taken < batchLimit && progress) {
                progress = false;
                for (int i = 0; i < vifs.size() && taken < batchLimit; i++) {
                    Vif v = vifs.get((next + i) % vifs.size());
                    if (v.fromBridge.isEmpty()) {
                        continue;
                    }
                    progress = true;
                    if (v.rxRing.size() + pendingFor(v.rxRing) >= v.rxRing.capacity()) {
                        v.rxRing.drop(1); // no receive buffer posted: dropped in Dom0
                        v.fromBridge.removeHead();
                        continue;
                    }
                    cost += costs.netbackRx + costs.netbackRxPerByte * v.fromBridge.payload(0);
                    v.fromBridge.moveHeadTo(moving, now);
                    targets.add(v.rxRing);
                    cumulative[taken++] = cost;
                }
            }
            next = (next + 1) % Math.max(1, vifs.size());
            return cost * random.jitter(costs.jitter);
        }

        private int pendingFor(PacketQueue ring) {
            int n = 0;
            for (PacketQueue t : targets) {
                if (t == ring) {
                    n++;
                }
            }
            return n;
        }

        @Override
        protected void endJob(long start, long end) {
            int n = targets.size();
            double last = n == 0 ? 1 : cumulative[n - 1];
            for (int k = 0; k < n; k++) {
                moving.moveHeadTo(targets.get(k), start + (long) ((end - start) * (cumulative[k] / last)));
            }
        }
    }

    /** Guests' transmit requests: ring to bridge to NIC. */
    private final class TxTasklet extends Task {
        private final PacketQueue moving = new PacketQueue("netback.tx.moving", 4096);
        private final double[] cumulative = new double[4096];
        private final List<Vif> sources = new ArrayList<>();
        private int next;

        TxTasklet(Domain dom0) {
            super("netback.tx", dom0, Priority.SOFTIRQ);
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
            if (nic.room(now) == 0) {
                nic.wakeWhenRoom(this);
                return false;
            }
            return true;
        }

        @Override
        protected double beginJob(long now) {
            double cost = costs.netbackNotify;
            int limit = Math.min(batchLimit, nic.room(now));
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
                    progress = true;
                    cost += costs.netbackTx + costs.netbackTxPerByte * q.payload(0) + costs.bridge + costs.driverTx;
                    q.moveHeadTo(moving, now);
                    sources.add(v);
                    cumulative[taken++] = cost;
                }
            }
            next = (next + 1) % Math.max(1, vifs.size());
            for (Vif v : vifs) {
                v.txRing.drained();
            }
            return cost * random.jitter(costs.jitter);
        }

        @Override
        protected void endJob(long start, long end) {
            int n = sources.size();
            double last = n == 0 ? 1 : cumulative[n - 1];
            for (int k = 0; k < n; k++) {
                Vif v = sources.get(k);
                bridge.learn(v.txRing.mac(), v.port);
                long ready = start + (long) ((end - start) * (cumulative[k] / last));
                nic.send(ready, moving.stamp(0), moving.payload(0), moving.flow(0), moving.seq(0), moving.ack(0),
                        moving.flags(0));
                moving.removeHead();
            }
        }
    }
}
