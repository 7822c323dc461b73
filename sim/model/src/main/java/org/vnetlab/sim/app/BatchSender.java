package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.net.RoomWait;

/**
 * An application thread that sends a batch of packets of equal cost per job through a port and
 * releases them as the CPU has done them: the job runs in parts (one packet each with exact
 * timing or for a port that wants each packet, a train otherwise), each part's packets released
 * when it ends and the rest when the job does. A sender that finds the port full sleeps until
 * the port wakes it.
 */
abstract class BatchSender extends Task {

    protected final PacketPort port;
    private final RoomWait roomWait;
    private final double perPacket;
    private final double spread;
    private final RandomStream random;
    private final BatchParts parts = new BatchParts();
    /** Packets the current job sends. */
    protected int batch;
    /** The job's noise factor. */
    private double noise;
    /** Whether the job in progress only waits (see {@link #waitWork}). */
    private boolean waiting;

    /**
     * @param perPacket CPU work per packet, ns at speed 1.0
     * @param spread    the jitter of a job's work
     */
    BatchSender(String name, Domain domain, PacketPort port, double perPacket, double spread, RandomStream random) {
        super(name, domain, Context.THREAD);
        this.port = port;
        this.roomWait = new RoomWait(port, this);
        this.perPacket = perPacket;
        this.spread = spread;
        this.random = random;
    }

    /** Whether the port has room now; if not, the sender sleeps until the port wakes it. */
    protected final boolean roomFor(long now) {
        return roomWait.roomFor(now);
    }

    /** A job begins at {@code now}: the packets it sends. */
    protected abstract int beginBatch(long now);

    /** The CPU has done the job's packets up to {@code upTo} by {@code now}: they leave. */
    protected abstract void release(int upTo, long now);

    /** The job is done at {@code end}, every packet of it released. */
    protected abstract void batchDone(long end);

    /**
     * The work of a job that sends nothing, if the sender waits for its next packet now (busily,
     * holding the CPU, or on its way to sleep); 0, the default, for one that sends.
     */
    protected double waitWork(long now) {
        return 0;
    }

    @Override
    protected final double beginJob(long now) {
        double wait = waitWork(now);
        waiting = wait > 0;
        if (waiting) {
            // the batch before it keeps its state: its packets may still be waiting for their time
            parts.start(0);
            return wait;
        }
        batch = beginBatch(now);
        noise = random.jitter(spread);
        parts.start(batch);
        return batch * perPacket * noise;
    }

    @Override
    protected final double nextPart() {
        return parts.next(port.wantsEachPacket() ? 1 : partPackets()) * perPacket * noise;
    }

    @Override
    protected final void partDone(long now) {
        if (!waiting) {
            release(parts.ended(), now);
        }
    }

    /** A job that sent nothing (its work was {@link #waitWork}) ended at {@code end}. */
    protected void waited(long end) {
    }

    @Override
    protected final void endJob(long start, long end) {
        if (waiting) {
            waiting = false;
            waited(end);
            return;
        }
        release(batch, end);
        batchDone(end);
    }

    @Override
    protected final boolean sendsPackets() {
        return true;
    }
}
