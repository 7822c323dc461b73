package org.vnetlab.sim.kernel;

/**
 * A named, seeded stream of random numbers (xoshiro-style SplitMix64): each component gets its
 * own, derived from the run's seed and the component's name, so adding a component never
 * shifts another's numbers. Not thread-safe; a run is single-threaded.
 */
public final class RandomStream {

    private long state;

    public RandomStream(long seed, String name) {
        this.state = mix(seed ^ mix(name.hashCode() * 0x9E3779B97F4A7C15L + name.length()));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A factor in [1 - spread, 1 + spread), for cost and timing noise. */
    public double jitter(double spread) {
        return 1.0 + spread * (2.0 * nextDouble() - 1.0);
    }
}
