package org.vnetlab.core.model;

import java.util.Locale;
import java.util.Objects;
import org.vnetlab.core.units.DataRate;

/**
 * An RTP-like probe stream from machine 2 to a reflector in a guest and back.
 *
 * @param rate    the stream's rate
 * @param payload payload bytes per packet (holds sequence number and send time)
 * @param count   RTT measurements taken
 * @param packets probe packets in one measurement
 * @param pauseNanos idle time between two measurements
 * @param clockResolutionNanos the resolution of the clock the tool stamps its probes with
 *                             (gettimeofday: 1 us); each stamp is floored to it
 * @param pacing how the generator waits for its next probe's time
 * @param withStreams the scenario's TCP streams run beside the probe, as background load
 */
public record RttProbe(String guest, DataRate rate, int payload, int count, int packets, long pauseNanos,
                       long clockResolutionNanos, Pacing pacing, boolean withStreams) implements Workload {

    /** How the probe's generator waits until its next probe is due. */
    public enum Pacing {
        /** Reads the clock in a loop: always runnable, sends each probe when its time has come. */
        SPIN,
        /**
         * Sleeps (nanosleep) when no probe is due; without high-resolution timers the sleep ends
         * at a timer tick, and the probes that fell due meanwhile leave back to back.
         */
        SLEEP;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Pacing fromKey(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    public RttProbe {
        Checks.name("guest", guest);
        Checks.positive("rtt payload", payload);
        Checks.positive("rtt count", count);
        Checks.positive("rtt packets", packets);
        Checks.nonNegative("rtt pause", pauseNanos);
        Checks.positive("rtt clock resolution", clockResolutionNanos);
        Objects.requireNonNull(pacing, "rtt pacing");
    }

    @Override
    public String type() {
        return "rtt";
    }
}
