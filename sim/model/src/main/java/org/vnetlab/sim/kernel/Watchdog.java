package org.vnetlab.sim.kernel;

/**
 * Bounds that tell a livelocked run from a busy one. A model bug can make components wake
 * each other forever without virtual time moving (or moving by a nanosecond at a time): the
 * run would spin and never end. The kernel counts events fired at one instant and events fired
 * within each millisecond of virtual time; past either bound it stops the run with a
 * {@link LivelockException} naming the owners of the events it fired last.
 *
 * <p>The defaults ({@code model.engine.*} in the simulator's reference.conf) sit far above
 * any real model: a packet costs about ten events, so even 64 guests at 100 Gbit/s in exact
 * mode stay below two million events per simulated millisecond.
 *
 * @param maxEventsAtOneInstant events in a row at the same virtual time
 * @param maxEventsPerMilli     events within one millisecond of virtual time
 */
public record Watchdog(long maxEventsAtOneInstant, long maxEventsPerMilli) {

    /** No bounds: for tests of the kernel itself. */
    public static final Watchdog OFF = new Watchdog(Long.MAX_VALUE, Long.MAX_VALUE);

    public Watchdog {
        if (maxEventsAtOneInstant <= 0 || maxEventsPerMilli <= 0) {
            throw new IllegalArgumentException("watchdog bounds must be positive, got " + maxEventsAtOneInstant
                    + " and " + maxEventsPerMilli);
        }
    }
}
