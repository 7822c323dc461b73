package org.vnetlab.core.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything one experiment needs: the two machines and their link, what runs on the
 * measured machine, the workloads, the method and the model's parameters.
 *
 * @param host the measured machine (the study's machine 1)
 * @param peer the traffic partner, always native (machine 2)
 */
public record Scenario(String name, String description, Host host, Host peer, Link link, Platform platform,
                       List<Workload> workloads, Method method, ModelParameters parameters) {

    public Scenario {
        workloads = List.copyOf(workloads);
    }

    public <W extends Workload> List<W> workloads(Class<W> type) {
        return workloads.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The burner that runs in {@code guest}, if any. */
    public Optional<CpuBurner> burnerIn(String guest) {
        return workloads(CpuBurner.class).stream().filter(b -> b.guest().equals(guest)).findFirst();
    }
}
