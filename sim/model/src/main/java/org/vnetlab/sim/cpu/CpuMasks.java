package org.vnetlab.sim.cpu;

/** CPU sets as bit masks of a {@code long}: CPU i is bit i, so a machine has at most 64 CPUs. */
public final class CpuMasks {

    /** The most CPUs a mask holds. */
    public static final int MAX_CPUS = Long.SIZE;

    private CpuMasks() {
    }

    /**
     * Every CPU of a machine with {@code cpus} of them. {@code (1L << 64) - 1} is 0 in Java (a shift
     * counts modulo 64), which would leave a 64-CPU machine's threads no CPU at all.
     */
    public static long all(int cpus) {
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("a machine has 1 to " + MAX_CPUS + " CPUs, got " + cpus);
        }
        return cpus == MAX_CPUS ? -1L : (1L << cpus) - 1;
    }
}
