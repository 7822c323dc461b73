package org.vnetlab.core.model;

/**
 * A process that burns CPU in a guest.
 *
 * @param load fraction of one VCPU it tries to use, in (0, 1]
 */
public record CpuBurner(String guest, double load) implements Workload {

    public CpuBurner {
        Checks.name("guest", guest);
        if (!(load > 0 && load <= 1)) {
            throw new IllegalArgumentException("burner load must be in (0, 1], got " + load);
        }
    }

    @Override
    public String type() {
        return "burner";
    }
}
