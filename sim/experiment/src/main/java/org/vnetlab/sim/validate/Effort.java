package org.vnetlab.sim.validate;

import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.kernel.Fidelity;

/**
 * How hard to simulate each point: trials and each leg's duration; null keeps the scenario's
 * method (the study's 7 trials of 10 s); in trains or packet by packet.
 */
public record Effort(Integer trials, Long durationNanos, Fidelity fidelity) {

    /** In trains. */
    public Effort(Integer trials, Long durationNanos) {
        this(trials, durationNanos, Fidelity.TRAINS);
    }

    /** The study's method, as each scenario states it. */
    public static Effort study() {
        return new Effort(null, null);
    }

    /** One trial of one second: enough for the model's shape, for tests and quick looks. */
    public static Effort quick() {
        return new Effort(1, SimTime.seconds(1));
    }
}
