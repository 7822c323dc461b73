package org.vnetlab.live.emulate;

import java.io.IOException;
import java.util.Map;

/**
 * What carries real traffic into the model and out of it for the {@link RealtimeLoop}: datagrams
 * ({@link UdpCarrier}) or connections' byte streams ({@link TcpCarrier}). Called on the pacing
 * thread, except {@link #hasArrivals}.
 */
interface Carrier {

    /** The clock started: virtual time t is {@code epoch + t} of {@link System#nanoTime()}. */
    void start(long epoch);

    /** Whether real traffic came in since the last {@link #admit}. Any thread; ends the loop's wait. */
    boolean hasArrivals();

    /** What came in enters the model (never before the model's now). */
    void admit();

    /** Virtual time of the next departure the loop must be awake for, or {@link Long#MAX_VALUE}. */
    long nextDeparture();

    /** Hands to the world what is due by {@code now} (virtual). */
    void depart(long now) throws IOException;

    /** Packets (datagrams, or segments of the modelled connections) that entered the model. */
    long packetsIn();

    /** Packets that left it. */
    long packetsOut();

    /** Payload bytes that left it. */
    long bytesOut();

    /** Adds the carrier's own drops (queue trace to count). */
    void addDrops(Map<String, Long> drops);

    /** How late departures left against their modelled times. */
    PacingStats.Summary release();

    /**
     * How long each departure was in the model: from its arrival at the listen address to its
     * modelled arrival at the far end of the wire (no samples where the carrier does not time it).
     */
    PacingStats.Summary transit();
}
