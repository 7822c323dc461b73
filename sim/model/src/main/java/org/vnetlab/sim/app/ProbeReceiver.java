package org.vnetlab.sim.app;

import org.vnetlab.core.metrics.InterarrivalJitter;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Context;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * The receiving half of the study's RTP-like probe, on machine 2 beside the generator (so one
 * clock serves both): for each reflected packet the round-trip time from its send stamp to
 * its reception by the application, and RFC 3550 interarrival jitter within each measurement.
 * A measurement is {@code packetsPerMeasurement} consecutive sequence numbers; its RTT is
 * their mean, its jitter the estimate after the last packet that arrived.
 */
public final class ProbeReceiver extends Task {

    private static final int MAX_BATCH = 16;
    private final PacketQueue socket;
    private final GuestStack stack;
    private final RandomStream random;
    private final int packetsPerMeasurement;
    private final long toolLatency;
    private final double[] rttSum;
    private final int[] received;
    private final double[] jitter;
    private final long[] takenSeq = new long[MAX_BATCH];
    private final long[] takenStamp = new long[MAX_BATCH];
    private int taken;
    private int measurement = -1;
    private InterarrivalJitter estimator;

    /**
     * @param toolLatency added to every RTT: the probing tool's own delay (see rtt.tool-latency)
     */
    public ProbeReceiver(String name, Domain domain, PacketQueue socket, GuestStack stack, int measurements,
                         int packetsPerMeasurement, long toolLatency, RandomStream random) {
        super(name, domain, Context.THREAD);
        this.socket = socket;
        this.stack = stack;
        this.random = random;
        this.packetsPerMeasurement = packetsPerMeasurement;
        this.toolLatency = toolLatency;
        this.rttSum = new double[measurements];
        this.received = new int[measurements];
        this.jitter = new double[measurements];
        socket.onNonEmpty(this::wake);
    }

    @Override
    protected boolean hasWork(long now) {
        return !socket.isEmpty();
    }

    @Override
    protected double beginJob(long now) {
        taken = 0;
        double cost = 0;
        while (taken < MAX_BATCH && !socket.isEmpty()) {
            takenSeq[taken] = socket.headSeq();
            takenStamp[taken] = socket.headStamp();
            cost += stack.recvCall(socket.headPayload());
            socket.removeHead(1);
            taken++;
        }
        return cost * random.jitter(stack.costs().jitter);
    }

    @Override
    protected void endJob(long start, long end) {
        for (int j = 0; j < taken; j++) {
            long arrival = start + (end - start) * (j + 1) / taken;
            int m = (int) (takenSeq[j] / packetsPerMeasurement);
            if (m >= received.length) {
                continue;
            }
            if (m != measurement) {
                measurement = m;
                estimator = new InterarrivalJitter();
            }
            rttSum[m] += arrival - takenStamp[j] + toolLatency;
            received[m]++;
            jitter[m] = estimator.add(takenStamp[j], arrival);
        }
    }

    /** Per measurement with at least one reply, the mean RTT in ms. */
    public double[] rttMillis() {
        return collect(true);
    }

    /** Per measurement with at least one reply, the jitter in microseconds. */
    public double[] jitterMicros() {
        return collect(false);
    }

    private double[] collect(boolean rtt) {
        int n = 0;
        for (int r : received) {
            n += r > 0 ? 1 : 0;
        }
        double[] out = new double[n];
        int k = 0;
        for (int m = 0; m < received.length; m++) {
            if (received[m] > 0) {
                out[k++] = rtt ? rttSum[m] / received[m] / 1e6 : jitter[m] / 1e3;
            }
        }
        return out;
    }
}
