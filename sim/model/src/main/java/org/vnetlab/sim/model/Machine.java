package org.vnetlab.sim.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnetlab.sim.cpu.Domain;
import org.vnetlab.sim.cpu.Executor;
import org.vnetlab.sim.net.NicRxQueues;
import org.vnetlab.sim.net.NicTx;

/** One built machine: its CPUs (or VCPUs), domains, NIC and guests. */
public final class Machine {

    private final String name;
    final List<Executor> executors = new ArrayList<>();
    final Map<String, Domain> domains = new LinkedHashMap<>();
    final Map<String, GuestSite> guests = new LinkedHashMap<>();
    NicRxQueues nicRx;
    NicTx nicTx;

    Machine(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public List<Executor> executors() {
        return List.copyOf(executors);
    }

    /** Domains in reporting order. */
    public Map<String, Domain> domains() {
        return domains;
    }

    public GuestSite guest(String name) {
        GuestSite g = guests.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no guest '" + name + "' on " + this.name);
        }
        return g;
    }

    public NicRxQueues nicRx() {
        return nicRx;
    }

    public NicTx nicTx() {
        return nicTx;
    }

    Domain domain(String domainName) {
        return domains.computeIfAbsent(domainName, Domain::new);
    }
}
