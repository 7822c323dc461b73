package org.vnetlab.sim.model;

import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.sim.param.Gso;
import org.vnetlab.core.net.MacAddress;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.net.PacketPort;

/**
 * Where a guest's applications live: their domain (for CPU accounting), the stack their
 * packets take, the port they send through and the transmit work below IP that costs them.
 */
public interface GuestSite {

    String name();

    Domain domain();

    GuestStack stack();

    MacAddress mac();

    PacketPort txPort();

    /** Transmit work below IP charged to the sender per packet (the driver, or netfront). */
    double deviceTxCost();

    /** How its TCP data goes to the device: in GSO skbs (a Xen guest's netfront), or each segment alone. */
    Gso tcpGso();

    /** Starts an application process (a thread) in the guest; its kernel's scheduler places it. */
    void spawn(Task process);

    /** Starts a thread asleep in {@code usleep(0)}: it wakes at its CPU's next tick. */
    void spawnInUsleep(Task thread);
}
