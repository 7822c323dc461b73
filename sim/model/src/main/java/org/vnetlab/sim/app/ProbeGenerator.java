package org.vnetlab.sim.app;

import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.net.PacketPort;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.Train;

/**
 * The sending half of the study's RTP-like probe on machine 2: a user-space loop that paces by
 * the clock it reads. Within a measurement it reads gettimeofday() until the next probe is due
 * (each read one job of {@code clockRead} CPU work, so the thread is always runnable, a CPU hog
 * to its scheduler), then stamps the probe with the time it read, floored to the clock's
 * resolution, and sends it with one sendto(). A probe is due at the measurement's start plus
 * its number times the gap; a loop that was held off its CPU (a softirq, another thread) finds
 * several due at once and sends them back to back, stamped as it sends them: the bursts of a
 * real paced sender. Between measurements it sleeps.
 *
 * <p>A generator that {@code sleeps} instead calls nanosleep() when no probe is due (the call
 * costs one clock read's work). Machine 2's 2.6.19 kernel has no high-resolution timers: its
 * hrtimers expire from the timer softirq of a tick, so the sleep ends at the first tick of its
 * CPU at or after the due time, and every probe that fell due meanwhile leaves back to back.
 */
public final class ProbeGenerator extends Task {

    private final Kernel kernel;
    private final PacketPort port;
    private final int packets;
    private final long gap;
    private final long resolution;
    private final double clockRead;
    private final double sendCost;
    private final double spread;
    private final boolean sleeps;
    private final RandomStream random;
    private final Train out = new Train();
    private final Event startEvent = wakingEvent(name() + ".measurement");
    /** The current measurement's first probe's number and due time; probes of it sent so far. */
    private long firstSeq;
    private long start;
    private int sentInMeasurement;
    private boolean active;
    /** Whether the job under way sends a probe (else it reads the clock), and the probe's stamp. */
    private boolean sending;
    private long stamp;
    private long sent;

    /**
     * @param sendCost the CPU work of one sendto() down to the wire: the call, the transport and IP
     *                 layers and the device's transmit work
     * @param sleeps   whether it sleeps until the next tick when no probe is due, instead of
     *                 reading the clock in a loop
     */
    public ProbeGenerator(String name, Domain domain, Kernel kernel, PacketPort port, PacketKind kind, int flow,
                          int payload, int packets, long gapNanos, long resolutionNanos, double clockRead,
                          double sendCost, double spread, boolean sleeps, RandomStream random) {
        super(name, domain, Context.THREAD);
        this.kernel = kernel;
        this.port = port;
        this.packets = packets;
        this.gap = gapNanos;
        this.resolution = resolutionNanos;
        this.clockRead = clockRead;
        this.sendCost = sendCost;
        this.spread = spread;
        this.sleeps = sleeps;
        this.random = random;
        out.of(kind, payload, flow);
    }

    /** Starts measurement {@code measurement} at {@code at}: its probes are due from then on. */
    public void startMeasurement(int measurement, long at) {
        firstSeq = (long) measurement * packets;
        start = at;
        sentInMeasurement = 0;
        active = true;
        kernel.scheduleAt(startEvent, at);
    }

    /** Probes stamped and handed to sendto(). */
    public long sent() {
        return sent;
    }

    @Override
    protected boolean hasWork(long now) {
        return active && now >= start;
    }

    @Override
    protected double beginJob(long now) {
        long due = start + sentInMeasurement * gap;
        sending = now >= due;
        stamp = now - now % resolution;
        double work = sending ? clockRead + sendCost : clockRead;
        return work * random.jitter(spread);
    }

    @Override
    protected void endJob(long begin, long end) {
        if (!sending) {
            if (sleeps) {
                sleepUntilTick();
            }
            return;
        }
        // a full device queue makes sendto() fail (ENOBUFS): the tool counted the probe, the wire never sees it
        if (port.room(end) > 0) {
            port.send(out.readyAt(end).readyEvery(0).stampedAt(stamp).stampedEvery(0).seq(firstSeq + sentInMeasurement)
                    .count(1));
        }
        sent++;
        if (++sentInMeasurement == packets) {
            active = false;
        }
    }

    /** A probe's job ends in the transmit path; a clock read does not. */
    @Override
    protected boolean sendsPackets() {
        return sending;
    }
}
