package org.vnetlab.core.model;

import java.util.List;

/** Xen: Dom0 plus paravirtualised guests, bridged to the NIC through netback/netfront. */
public record XenPlatform(Dom0 dom0, List<DomU> domUs) implements Platform {

    public XenPlatform {
        domUs = List.copyOf(domUs);
    }

    @Override
    public String kind() {
        return "xen";
    }

    @Override
    public List<String> guestNames() {
        return domUs.stream().map(DomU::name).toList();
    }

    @Override
    public List<String> domainNames() {
        return Platform.workerThenGuests(Dom0.NAME, guestNames());
    }
}
