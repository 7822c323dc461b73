package org.vnetlab.sim.net;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vnetlab.core.model.Nic;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Executor;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.Train;

/**
 * A NIC's receive side with its receive queues ({@code Nic.queues}): each queue is a
 * {@link NicRx} with its own ring, interrupt coalescing and NAPI poll, and the NIC puts a
 * flow's frames on the queue its {@link RssHash} names. Queue 0 keeps a single-queue NIC's
 * names and random stream, so a NIC with one queue is exactly the study's.
 *
 * <p>Every queue looks at the wire by itself: it has the wire put on it what has started before
 * it takes what has arrived, and a queue waiting for frames to make its coalescing count takes
 * the wire's lower bound of when the next frames arrive (frames of any queue), checking its
 * count again when that time comes.
 */
public final class NicRxQueues implements WireEnd {

    private final List<NicRx> queues = new ArrayList<>();
    private final RssHash rss;
    private final int irqCpu;

    /** @param trace the NIC's name in traces: {@code host} or {@code peer} */
    public NicRxQueues(Kernel kernel, String trace, Nic nic, Domain domain, RssHash rss) {
        if (rss.queues() != nic.queues()) {
            throw new IllegalArgumentException("an RSS hash over " + rss.queues() + " queues for a NIC with "
                    + nic.queues());
        }
        this.rss = rss;
        this.irqCpu = nic.irqCpu();
        for (int i = 0; i < nic.queues(); i++) {
            queues.add(new NicRx(kernel, trace, i == 0 ? "" : "-q" + i, nic, domain));
        }
    }

    /**
     * Connects every queue to the receive path and the driver's costs (see
     * {@link NicRx#connect}); queue i's cost noise comes from {@code random} of
     * {@code component}, then {@code component-qi} for i from 1 on.
     */
    public void connect(RxPath rxPath, double driverPerPacket, double perInterrupt, double spread,
                        String component, Function<String, RandomStream> random) {
        for (int i = 0; i < queues.size(); i++) {
            queues.get(i).connect(rxPath, driverPerPacket, perInterrupt, spread,
                    random.apply(i == 0 ? component : component + "-q" + i));
        }
    }

    /**
     * Binds each queue's interrupt, and so its NAPI poll, to a CPU: queue i to CPU
     * {@code irq-cpu + i} mod {@code cpus.size()}, as irqbalance or the driver's affinity hints
     * spread them.
     */
    public void bindInterrupts(List<? extends Executor> cpus) {
        for (int i = 0; i < queues.size(); i++) {
            cpus.get((irqCpu + i) % cpus.size()).add(queues.get(i).napi());
        }
    }

    /** Queue {@code i}. */
    public NicRx queue(int i) {
        return queues.get(i);
    }

    public int count() {
        return queues.size();
    }

    /** The queue flow {@code flow}'s frames go to. */
    public int queueOf(int flow) {
        return rss.queueOf(flow);
    }

    @Override
    public void arrive(Train frames) {
        queues.get(rss.queueOf(frames.flow())).arrive(frames);
    }

    @Override
    public boolean attach(NicTx wire) {
        for (NicRx q : queues) {
            q.attach(wire);
        }
        return wire != null;
    }

    @Override
    public void queued(Train frames) {
        queues.get(rss.queueOf(frames.flow())).queued(frames);
    }
}
