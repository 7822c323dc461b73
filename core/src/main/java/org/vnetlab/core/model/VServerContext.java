package org.vnetlab.core.model;

import java.util.List;
import org.vnetlab.core.net.IpAddress;

/** A VServer security context: processes on the host kernel bound to their own IP aliases. */
public record VServerContext(String name, List<IpAddress> addresses) {

    public VServerContext {
        Checks.name("context name", name);
        addresses = List.copyOf(addresses);
    }
}
