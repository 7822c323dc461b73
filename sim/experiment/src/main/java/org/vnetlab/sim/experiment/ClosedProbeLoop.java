package org.vnetlab.sim.experiment;

import org.vnetlab.core.model.RttProbe;
import org.vnetlab.sim.app.ProbeGenerator;
import org.vnetlab.sim.app.ProbeReceiver;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * A probe run as a ping-pong: each measurement starts {@code rtt.pause} after the last reply of
 * the one before was read, or after {@code rtt.timeout} past its last probe when a reply is
 * lost (the missing ones count as lost). A reply that comes after its measurement timed out is
 * still measured, but starts nothing. After {@code rtt.count} measurements it is finished; the
 * deadline is the run's length. As the next request follows the reply, it reaches the host
 * right after the guest answered the last one, not at a random phase of its scheduler. The
 * measurements begun before {@code rtt.warm-up} has passed are the warm-up: they neither count
 * towards {@code rtt.count} nor are reported.
 */
final class ClosedProbeLoop extends Event {

    private final Kernel kernel;
    private final RttProbe probe;
    private final ProbeGenerator generator;
    private final long sending;
    private final Runnable finished;
    private final ProbeReceiver receiver;
    private int current = -1;
    /** The first measurement that counts, once the warm-up has passed (-1 before). */
    private int first = -1;
    private int over;

    /**
     * @param sending how long the generator sends one measurement's probes
     */
    private ClosedProbeLoop(Kernel kernel, RttProbe probe, ProbeGenerator generator, ProbeReceiver receiver,
                            long sending, Runnable finished) {
        super("rtt.closed-loop");
        this.kernel = kernel;
        this.receiver = receiver;
        this.probe = probe;
        this.generator = generator;
        this.sending = sending;
        this.finished = finished;
    }

    /**
     * Runs {@code probe}'s measurements in a closed loop from {@code rtt.pause} on, and runs
     * {@code finished} after the last.
     */
    static ClosedProbeLoop start(Kernel kernel, RttProbe probe, ProbeGenerator generator, ProbeReceiver receiver,
                                 long sending, Runnable finished) {
        ClosedProbeLoop loop = new ClosedProbeLoop(kernel, probe, generator, receiver, sending, finished);
        receiver.onMeasurementDone((measurement, at) -> {
            if (measurement == loop.current) {
                loop.next(Math.max(kernel.now(), at));
            }
        });
        // until the warm-up has passed, no measurement counts
        receiver.countFrom(Integer.MAX_VALUE);
        loop.begin(0, probe.pauseNanos());
        return loop;
    }

    /**
     * Measurements whose replies are in or whose wait for them ended: the one under way when
     * the deadline ends the run is neither answered nor lost.
     */
    int over() {
        return over;
    }

    private void begin(int measurement, long at) {
        current = measurement;
        if (first < 0 && at >= probe.warmUpNanos()) {
            first = measurement;
            receiver.countFrom(first);
        }
        generator.startMeasurement(measurement, at);
        kernel.scheduleAt(this, at + sending + probe.timeoutNanos());
    }

    /** The current measurement is over at {@code at}: its replies are in, or the wait for them ended. */
    private void next(long at) {
        kernel.cancel(this);
        if (first >= 0) {
            over++;
            if (current + 1 - first == probe.count()) {
                finished.run();
                return;
            }
        }
        begin(current + 1, at + probe.pauseNanos());
    }

    /** The wait for the current measurement's replies ended. */
    @Override
    protected void fire() {
        next(kernel.now());
    }
}
