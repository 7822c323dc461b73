package org.vnetlab.live.client;

/** Receives one line per second of a running test, counted at the receiving side. */
@FunctionalInterface
public interface IntervalListener {

    /**
     * @param second  1 for the first second of the test
     * @param bytes   payload bytes received in that second
     * @param packets datagrams received in that second (0 for TCP)
     */
    void interval(int second, long bytes, long packets);

    IntervalListener NONE = (s, b, p) -> { };
}
