package org.vnetlab.sim.sweep;

/** What evaluating a work item does. */
public enum Work {
    /** Simulates the run. */
    SIMULATE,
    /**
     * Returns an empty result at once: measures the sweep machinery itself (scheduling, messaging,
     * gathering), as {@code vnetlab bench sweep} does.
     */
    NOTHING
}
