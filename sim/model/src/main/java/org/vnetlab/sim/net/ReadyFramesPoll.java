package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * A NET_RX poll of a queue whose frames are taken once they are ready (process_backlog,
 * virtnet_poll): at most the poll's weight within the pass's budget, each frame costing its
 * own work and its way through a path, which the frames are handed to as the CPU has done
 * them (in trains, a part ends with a frame for a reader that sleeps waiting for it, and every
 * frame is a part where the path wants each packet, as in a NIC's poll). A poll whose first frame is not ready yet looks again when it is.
 */
abstract class ReadyFramesPoll extends JobOutputTask {

    private final Kernel kernel;
    /** The frames queued; its drops are frames that found it full. */
    protected final PacketQueue frames;
    private final int weight;
    private final double perPacket;
    private final RxPath path;
    private final double spread;
    private final RandomStream random;
    private final Event ready;

    /**
     * @param capacity  frames the queue holds
     * @param perPacket the poll's own work per frame, ns at speed 1.0
     * @param path      each frame's way on
     */
    ReadyFramesPoll(Kernel kernel, String name, Domain domain, int capacity, int weight, double perPacket,
                    RxPath path, double spread, RandomStream random) {
        super(name, domain, Context.NET_RX, new JobOutput(name + ".out"));
        this.kernel = kernel;
        this.frames = new PacketQueue(name + ".drop", capacity);
        this.weight = weight;
        this.perPacket = perPacket;
        this.path = path;
        this.spread = spread;
        this.random = random;
        this.ready = wakingEvent(name + ".ready");
        out.handOverAtOnce(path::wantsAtOnce);
    }

    /** The poll's work before its first frame, ns at speed 1.0, once it has taken {@code taken} frames: none. */
    protected double overhead(int taken) {
        return 0;
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
        return out.work(now, overhead(taken), random.jitter(spread), path.wantsEachPacket() ? 1 : partPackets(),
                cpuSpeed());
    }

    @Override
    protected final void release(PacketQueue done, int n, long first, long step) {
        path.deliver(done, n, first, step);
    }
}
