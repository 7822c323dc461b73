package org.vnetlab.core.model;

import java.util.ArrayList;
import java.util.List;

/** What runs on the measured machine: bare Linux, Xen with guests, VServer contexts or Linux containers. */
public sealed interface Platform permits NativePlatform, XenPlatform, VServerPlatform,
        ContainerPlatform {

    /** {@code native}, {@code xen}, {@code vserver} or {@code container}. */
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
