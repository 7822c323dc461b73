package org.vnetlab.core.model;

import java.util.Objects;
import org.vnetlab.core.units.DataRate;

/**
 * An RTP-like probe stream from machine 2 to a reflector in a guest and back.
 *
 * @param rate    the stream's rate
 * @param payload payload bytes per packet (holds sequence number and send time)
 * @param count   RTT measurements taken
 * @param packets probe packets in one measurement
 * @param pauseNanos idle time between two measurements: open loop, from the end of one's sending
 *                   to the next's start; closed loop, from one's last reply to the next's start
 * @param clockResolutionNanos the resolution of the clock the tool stamps its probes with
 *                             (gettimeofday: 1 us); each stamp is floored to it
 * @param pacing how the generator waits for its next probe's time
 * @param withStreams the scenario's TCP streams run beside the probe, as background load
 * @param loop whether a measurement starts on the clock or when the last one's replies are in
 * @param timeoutNanos closed loop: how long after a measurement's last probe a reply is waited
 *                     for before the next measurement starts anyway
 * @param deadlineNanos closed loop: the run ends then, however many measurements it took (ping -w)
 * @param warmUpNanos the probe runs this long before its measurements count: what it measures is
 *                    the host as the probe's own load has settled it, not as the run began
 */
public record RttProbe(String guest, DataRate rate, int payload, int count, int packets, long pauseNanos,
                       long clockResolutionNanos, Pacing pacing, boolean withStreams, Loop loop,
                       long timeoutNanos, long deadlineNanos, long warmUpNanos) implements Workload {

    /** The most probes an RTT run sends, a scenario's or a live one: ten million, 700 times the study's. */
    public static final long MAX_PROBES = 10_000_000L;

    /** When the next measurement starts. */
    public enum Loop {
        /** On the clock: one every packets x gap + pause, whether the replies are in or not. */
        OPEN,
        /**
         * When the last reply of the one before is in, after the pause (ping-pong: a ping that
         * sends its next request once the reply arrives), or after the timeout when one is lost.
         */
        CLOSED
    }

    /** How the probe's generator waits until its next probe is due. */
    public enum Pacing {
        /** Reads the clock in a loop: always runnable, sends each probe when its time has come. */
        SPIN,
        /**
         * Sleeps (nanosleep) when no probe is due; without high-resolution timers the sleep ends
         * at a timer tick, and the probes that fell due meanwhile leave back to back.
         */
        SLEEP
    }

    public RttProbe {
        Checks.name("guest", guest);
        Checks.positive("rtt payload", payload);
        Checks.positive("rtt count", count);
        Checks.positive("rtt packets", packets);
        Checks.nonNegative("rtt pause", pauseNanos);
        Checks.positive("rtt clock resolution", clockResolutionNanos);
        Objects.requireNonNull(pacing, "rtt pacing");
        Objects.requireNonNull(loop, "rtt loop");
        Checks.positive("rtt timeout", timeoutNanos);
        Checks.positive("rtt deadline", deadlineNanos);
        Checks.nonNegative("rtt warm-up", warmUpNanos);
    }

    @Override
    public String type() {
        return "rtt";
    }
}
