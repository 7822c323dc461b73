package org.vnetlab.core.model;

import java.util.ArrayList;
import java.util.List;

/** What runs on the measured machine: bare Linux, Xen with guests, VServer contexts, Linux containers or KVM guests. */
public sealed interface Platform permits NativePlatform, XenPlatform, VServerPlatform,
        ContainerPlatform, KvmPlatform {

    /** {@code native}, {@code xen}, {@code vserver}, {@code container} or {@code kvm}. */
    String kind();

    /** The places a workload can run, in order. */
    List<String> guestNames();

    /** The domains whose CPU load is reported, in order. */
    List<String> domainNames();

    /** A platform's domains when one of them does the network work for its guests: it first, then the guests. */
    static List<String> workerThenGuests(String worker, List<String> guests) {
        List<String> names = new ArrayList<>();
        names.add(worker);
        names.addAll(guests);
        return List.copyOf(names);
    }
}
