package org.vnetlab.sim.cpu;

/**
 * A unit of CPU accounting, as xentop reports it: Dom0, a DomU, the native host kernel, a
 * VServer context. Executors add the time they spend on the domain's tasks.
 */
public final class Domain {

    private final String name;
    private long busyNanos;
    private long readyNanos;
    private long overNanos;

    public Domain(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** CPU time used so far, in nanoseconds of one physical CPU. */
    public long busyNanos() {
        return busyNanos;
    }

    void charge(long nanos) {
        busyNanos += nanos;
    }

    /**
     * Time its VCPUs spent ready to run but waiting in a hypervisor's run queue so far, in
     * nanoseconds of one physical CPU (xenmon's waiting time, VMware's CPU ready).
     */
    public long readyNanos() {
        return readyNanos;
    }

    void chargeReady(long nanos) {
        readyNanos += nanos;
    }

    /**
     * Time during which one of its VCPUs at least was OVER in Xen's credit scheduler (its credit
     * spent: the others' UNDER and BOOSTed VCPUs go before it) so far, in nanoseconds.
     */
    public long overNanos() {
        return overNanos;
    }

    void chargeOver(long nanos) {
        overNanos += nanos;
    }

    @Override
    public String toString() {
        return name;
    }
}
