package org.vnetlab.core.model;

import java.util.List;
import org.vnetlab.core.net.IpAddress;

/** A KVM guest: a virtual machine with one vCPU and one virtio-net interface with these addresses. */
public record KvmGuest(String name, List<IpAddress> addresses) {

    public KvmGuest {
        Checks.name("guest name", name);
        addresses = List.copyOf(addresses);
    }
}
