package org.vnetlab.core.model;

import java.util.List;
import org.vnetlab.core.net.IpAddress;

/** A Linux container: a network namespace with its own addresses, joined to the host by a veth pair. */
public record Container(String name, List<IpAddress> addresses) {

    public Container {
        Checks.name("container name", name);
        addresses = List.copyOf(addresses);
    }
}
