package org.vnetlab.core.model;

import java.util.List;

/** Linux-VServer: contexts sharing one kernel and its NIC, each with IP aliases. */
public record VServerPlatform(List<VServerContext> contexts) implements Platform {

    /** The host kernel, which does all network processing for the contexts. */
    public static final String KERNEL = "host";

    public VServerPlatform {
        contexts = List.copyOf(contexts);
    }

    @Override
    public String kind() {
        return "vserver";
    }

    @Override
    public List<String> guestNames() {
        return contexts.stream().map(VServerContext::name).toList();
    }

    @Override
    public List<String> domainNames() {
        return Platform.workerThenGuests(KERNEL, guestNames());
    }
}
