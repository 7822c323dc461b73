package org.vnetlab.sim.kernel;

/**
 * Something that happens at a point of virtual time. An event object is owned by the
 * component that schedules it and is reused: it is in the kernel's queue at most once, so
 * scheduling never allocates. Subclasses say what happens in {@link #fire()}; the owner's name
 * is what the kernel's {@link Watchdog} reports when a run stops advancing.
 */
public abstract class Event {

    private final String owner;
    /** Position in the kernel's heap, or -1 when not scheduled. Maintained by {@link Kernel}. */
    int heapIndex = -1;
    long time;

    protected Event(String owner) {
        this.owner = owner;
    }

    /** The component this event belongs to, e.g. {@code host.nic.tx} or {@code dom0.vcpu0}. */
    public String owner() {
        return owner;
    }

    public final boolean isScheduled() {
        return heapIndex >= 0;
    }

    /** The time it is scheduled for; meaningful only while {@link #isScheduled()}. */
    public final long time() {
        return time;
    }

    /** What happens when virtual time reaches this event. */
    protected abstract void fire();
}
