package org.vnetlab.sim.cpu;

import org.vnetlab.sim.kernel.Kernel;

/**
 * A physical CPU under the host Linux scheduler (native and VServer): it always holds its
 * CPU; softirqs run before processes, I/O-bound processes before CPU hogs.
 */
public final class HostCpu extends Executor {

    public HostCpu(Kernel kernel, String name, double speed) {
        super(kernel, name, speed);
    }

    /** Starts running; call once when the host is built. */
    public void powerOn() {
        start();
    }

    @Override
    protected void wantCpu() {
        // a host CPU always has itself
    }

    @Override
    protected void idle() {
        // the idle loop: nothing to charge
    }
}
