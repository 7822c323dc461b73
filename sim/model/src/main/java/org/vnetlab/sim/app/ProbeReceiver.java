package org.vnetlab.sim.app;

import org.vnetlab.core.metrics.InterarrivalJitter;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.kernel.RandomStream;
import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.packet.PacketQueue;

/**
 * The receiving half of the study's RTP-like probe, on machine 2 beside the generator (so one
 * clock serves both): a user-space loop that sleeps in recvfrom() and, for each datagram it
 * returns, reads gettimeofday(). The round-trip time is that stamp less the send stamp the probe
 * carries, both floored to the clock's resolution; RFC 3550 interarrival jitter is kept within
 * each measurement. A measurement is {@code packetsPerMeasurement} consecutive sequence
 * numbers; its RTT is their mean, its jitter the estimate after the last packet that arrived.
 * A probe whose reply never came is counted lost ({@link #lost}), not averaged over. The
 * measurements before the first that counts ({@link #countFrom}) are the warm-up: only their
 * completion is told, for a closed loop to go on.
 */
public final class ProbeReceiver extends SocketReader {

    private static final int MAX_BATCH = 16;
    private final int packetsPerMeasurement;
    private final long resolution;
    private final double clockRead;
    private final double[] rttSum;
    private final int[] received;
    private final double[] jitter;
    private int measurement = -1;
    private InterarrivalJitter estimator;
    /** The first measurement that counts: the one stored at index 0. */
    private int first;
    /** The warm-up measurement replies are coming in for, and how many have. */
    private int warmMeasurement = -1;
    private int warmReceived;
    private MeasurementDone done = (m, at) -> { };

    /** Told when a measurement's last reply has been read. */
    @FunctionalInterface
    public interface MeasurementDone {
        /** Every reply of measurement {@code measurement} is in, the last read at {@code at}. */
        void done(int measurement, long at);
    }

    /**
     * @param resolutionNanos the resolution of the clock the tool reads (gettimeofday: 1 us)
     */
    public ProbeReceiver(String name, Domain domain, PacketQueue socket, GuestStack stack, int measurements,
                         int packetsPerMeasurement, long resolutionNanos, RandomStream random) {
        super(name, domain, socket, stack, random);
        this.packetsPerMeasurement = packetsPerMeasurement;
        this.resolution = resolutionNanos;
        this.clockRead = stack.costs().clockRead;
        this.rttSum = new double[measurements];
        this.received = new int[measurements];
        this.jitter = new double[measurements];
    }

    /**
     * Measurement {@code measurement} is the first that counts; those before it are the warm-up.
     * Set before its replies come in (at the start: every measurement counts).
     */
    public void countFrom(int measurement) {
        this.first = measurement;
    }

    /** Tells {@code listener} of each measurement whose replies are all in (a closed loop's trigger). */
    public void onMeasurementDone(MeasurementDone listener) {
        this.done = listener;
    }

    @Override
    protected void take(long now) {
        for (int taken = 0; taken < MAX_BATCH && !socket.isEmpty(); taken++) {
            out.take(socket, 1, stack.recvCall(socket.headPayload()) + clockRead, now);
        }
    }

    /** Measures each probe as the clock read after its receive call returned. */
    @Override
    protected void release(PacketQueue replies, int n, long first, long step) {
        for (int j = 0; j < n; j++) {
            measure(replies.headSeq(), replies.headStamp(), first + j * step);
            replies.removeHead();
        }
    }

    /** The probe numbered {@code seq}, sent at {@code stamp}, reached the application at {@code arrival}. */
    private void measure(long seq, long stamp, long arrival) {
        int whole = (int) (seq / packetsPerMeasurement);
        if (whole < first) {
            warmUp(whole, arrival);
            return;
        }
        int m = whole - first;
        if (m >= received.length) {
            return;
        }
        if (m != measurement) {
            measurement = m;
            estimator = new InterarrivalJitter();
        }
        long read = arrival - arrival % resolution;
        rttSum[m] += read - stamp;
        received[m]++;
        jitter[m] = estimator.add(stamp, read);
        if (received[m] == packetsPerMeasurement) {
            done.done(whole, arrival);
        }
    }

    /** A reply of warm-up measurement {@code m}: counted only to tell when all of it is in. */
    private void warmUp(int m, long arrival) {
        if (m != warmMeasurement) {
            warmMeasurement = m;
            warmReceived = 0;
        }
        if (++warmReceived == packetsPerMeasurement) {
            done.done(m, arrival);
        }
    }

    /** Probes of the first {@code measurements} measurements that count whose reply has not come. */
    public long lost(int measurements) {
        long lost = 0;
        for (int m = 0; m < measurements; m++) {
            lost += packetsPerMeasurement - received[m];
        }
        return lost;
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
