package org.vnetlab.sim.model;

import org.vnetlab.sim.param.GuestStack;
import org.vnetlab.core.net.MacAddress;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Executor;
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

    /** The executor a new application process runs on; CPU hogs are placed first. */
    Executor place(boolean cpuHog);
}
