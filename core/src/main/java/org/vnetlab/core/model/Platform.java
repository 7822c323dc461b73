package org.vnetlab.core.model;

import java.util.List;

/** What runs on the measured machine: bare Linux, Xen with guests, or VServer contexts. */
public sealed interface Platform permits NativePlatform, XenPlatform, VServerPlatform {

    /** {@code native}, {@code xen} or {@code vserver}. */
    String kind();

    /** The places a workload can run, in order. */
    List<String> guestNames();

    /** The domains whose CPU load is reported, in order. */
    List<String> domainNames();
}
