package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * A NET_RX poll of a queue whose frames are taken once they are ready (process_backlog,
 * virtnet_poll): at most the poll's weight within the pass's budget, each frame costing its
 * own work and its way through a path, which the frames are handed to as the CPU has done
 * them. A poll whose first frame is not ready yet looks again when it is.
 */
abstract class ReadyFramesPoll extends Task {

    private final Kernel kernel;
    /** The frames queued; its drops are frames that found it full. */
    protected final PacketQueue frames;
    private final int weight;
    private final double perPacket;
    private final RxPath path;
    private final double spread;
    private final RandomStream random;
    protected final JobOutput out;
    private final Event ready;
    private final JobOutput.Delivery onward;

    /**
     * @param capacity  frames the queue holds
     * @param perPacket the poll's own work per frame, ns at speed 1.0
     * @param path      each frame's way on
     */
    ReadyFramesPoll(Kernel kernel, String name, Domain domain, int capacity, int weight, double perPacket,
                    RxPath path, double spread, RandomStream random) {
        super(name, domain, Context.NET_RX);
        this.kernel = kernel;
        this.frames = new PacketQueue(name + ".drop", capacity);
        this.weight = weight;
        this.perPacket = perPacket;
        this.path = path;
        this.spread = spread;
        this.random = random;
        this.out = new JobOutput(name + ".out");
        this.ready = wakingEvent(name + ".ready");
        this.onward = (segment, n, first, step) -> path.deliver(out.taken(), n, first, step);
    }

    /** The poll's work before its first frame, ns at speed 1.0, once it has taken {@code taken} frames: none. */
    protected double overhead(int taken) {
        return 0;
    }

    /** The poll has ended at {@code end}, its frames handed on. */
    protected void pollEnded(long end) {
    }

    @Override
    protected final boolean hasWork(long now) {
        return frames.headReadyBy(now, kernel, ready);
    }

    @Override
    protected final double beginJob(long now) {
        out.clear();
        int limit = Math.min(weight, netRxBudget());
        int taken = 0;
        while (taken < limit) {
            int n = Math.min(limit - taken, frames.headReadyBy(now));
            if (n == 0) {
                break;
            }
            out.take(frames, n, perPacket + path.cost(frames.headPayload(), frames.headFlow(), frames.headKind()), now);
            taken += n;
        }
        netRxTook(taken);
        return out.work(now, overhead(taken), random.jitter(spread), partPackets());
    }

    @Override
    protected final double nextPart() {
        return out.nextPart();
    }

    @Override
    protected final void partDone(long now) {
        out.partDone(now, onward);
    }

    @Override
    protected final void endJob(long start, long end) {
        out.finish(end, onward);
        pollEnded(end);
    }
}
