package org.vnetlab.core.model;

import java.util.List;

/**
 * Linux containers: each guest a network namespace on the host kernel, joined to it by a veth
 * pair whose host end is a port of a Linux bridge with the NIC, or routed by the host's IP
 * stack ({@link Attach}). The host kernel does all network work and schedules every
 * container's processes.
 */
public record ContainerPlatform(List<Container> containers, Attach attach) implements Platform {

    /** The host kernel: the NIC, the bridge or the host's routing, the veth hops. */
    public static final String KERNEL = "host";

    /** How the host ends of the veth pairs reach the NIC. */
    public enum Attach {
        /** On a Linux bridge with the NIC (docker0, lxcbr0). */
        BRIDGE,
        /** Routed by the host's IP stack (a /32 route per container, proxy ARP). */
        ROUTED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ContainerPlatform {
        containers = List.copyOf(containers);
    }

    @Override
    public String kind() {
        return "container";
    }

    @Override
    public List<String> guestNames() {
        return containers.stream().map(Container::name).toList();
    }

    @Override
    public List<String> domainNames() {
        return Platform.workerThenGuests(KERNEL, guestNames());
    }
}
