package org.vnetlab.core.model;

import java.util.List;
import org.vnetlab.core.net.IpAddress;

/** Bare Linux: one kernel, one guest named {@value #GUEST}. */
public record NativePlatform(List<IpAddress> addresses) implements Platform {

    public static final String GUEST = "host";

    public NativePlatform {
        addresses = List.copyOf(addresses);
    }

    @Override
    public String kind() {
        return "native";
    }

    @Override
    public List<String> guestNames() {
        return List.of(GUEST);
    }

    @Override
    public List<String> domainNames() {
        return List.of(GUEST);
    }
}
