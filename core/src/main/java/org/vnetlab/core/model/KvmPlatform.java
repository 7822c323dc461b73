package org.vnetlab.core.model;

import java.util.List;

/**
 * KVM: the host's Linux kernel is the hypervisor. Each guest is a virtual machine whose vCPU is a
 * thread of the host, scheduled by the host's CFS with the host's other threads; its virtio-net
 * interface is served by a vhost-net worker thread of the host, which moves frames between the
 * guest's rings and a tap device on a Linux bridge with the NIC.
 */
public record KvmPlatform(List<KvmGuest> guests) implements Platform {

    /** The host kernel: the NIC, the bridge and the taps in softirq, the vhost-net workers. */
    public static final String KERNEL = "host";

    public KvmPlatform {
        guests = List.copyOf(guests);
    }

    @Override
    public String kind() {
        return "kvm";
    }

    @Override
    public List<String> guestNames() {
        return guests.stream().map(KvmGuest::name).toList();
    }

    @Override
    public List<String> domainNames() {
        return Platform.workerThenGuests(KERNEL, guestNames());
    }
}
