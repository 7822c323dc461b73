package org.vnetlab.console.results;

/** What a chart shows against payload size. */
public enum Metric {
    THROUGHPUT("throughput", "throughput (Mbit/s)"),
    CPU("cpu", "CPU load (% of one CPU)");

    private final String key;
    private final String axis;

    Metric(String key, String axis) {
        this.key = key;
        this.axis = axis;
    }

    public String key() {
        return key;
    }

    /** The key, as the command line takes it ({@code --metric cpu}). */
    @Override
    public String toString() {
        return key;
    }

    /** The y-axis title, with its unit. */
    public String axis() {
        return axis;
    }

    public static Metric fromKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
