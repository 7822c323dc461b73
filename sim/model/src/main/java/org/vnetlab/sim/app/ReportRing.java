package org.vnetlab.sim.app;

/**
 * The ring in which an iperf 2.0 data thread records each datagram for its reporter thread
 * ({@code ReportPacket} and {@code reporter_process_report} in the iperf-2.0 release's
 * {@code src/Reporter.c}). The writer's index may not come up to the slot before the reporter's,
 * so at most {@code NUM_REPORT_STRUCTS - 2} entries wait; a data thread that finds no slot naps
 * ({@code thread_rest}) and tries again. {@link IperfReporter#newRing} makes one.
 */
public final class ReportRing {

    private final int capacity;
    /** Entries recorded and not yet processed. */
    private int recorded;

    /** @param entries the ring's slots ({@code NUM_REPORT_STRUCTS}), at least 3 */
    ReportRing(int entries) {
        if (entries < 3) {
            throw new IllegalArgumentException("a report ring needs at least 3 slots, got " + entries);
        }
        this.capacity = entries - 2;
    }

    /**
     * Slots free for the data thread now. Only its own records take room, so a job that takes
     * at most this many datagrams finds a slot for each, whenever the reporter runs meanwhile.
     */
    int room() {
        return capacity - recorded;
    }

    /** The data thread recorded {@code n} datagrams. */
    void record(int n) {
        recorded += n;
    }

    /** Entries the reporter finds to process now. */
    int recorded() {
        return recorded;
    }

    /** The reporter processed {@code n} entries: their slots are free. */
    void processed(int n) {
        recorded -= n;
    }
}
