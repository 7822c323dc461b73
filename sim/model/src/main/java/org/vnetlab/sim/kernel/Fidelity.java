package org.vnetlab.sim.kernel;

/**
 * How a run times packets. The same components run either way; only how a job releases what
 * it produced differs.
 */
public enum Fidelity {
    /**
     * A job's packets travel as trains, released when the job ends at the times their share of
     * the work was done (interpolated), and a paced sender sends what falls due within its
     * pacing window in one job. Fast: a train of 64 packets costs what one does.
     */
    TRAINS,
    /**
     * Packet by packet, the oracle the trains are checked against: every packet is released by
     * its own event when the CPU has done it (a job has one part per packet), a paced sender
     * sends only what is already due, and no packet is stamped before the event that made it.
     */
    EXACT;

    public boolean exact() {
        return this == EXACT;
    }
}
