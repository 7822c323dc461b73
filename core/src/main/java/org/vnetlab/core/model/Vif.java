package org.vnetlab.core.model;

import java.util.List;
import org.vnetlab.core.net.IpAddress;
import org.vnetlab.core.net.MacAddress;

/** A guest's virtual interface: its MAC on Dom0's bridge and its addresses. */
public record Vif(MacAddress mac, List<IpAddress> addresses) {

    public Vif {
        addresses = List.copyOf(addresses);
    }
}
