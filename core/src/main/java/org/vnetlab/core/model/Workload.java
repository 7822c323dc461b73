package org.vnetlab.core.model;

/** Something that runs in a guest of the measured machine during an experiment. */
public sealed interface Workload permits UdpStream, TcpStream, RttProbe, CpuBurner {

    /** The guest it runs in (see {@link Platform#guestNames()}). */
    String guest();

    /** {@code udp}, {@code tcp}, {@code rtt} or {@code burner}, as in configuration. */
    String type();
}
