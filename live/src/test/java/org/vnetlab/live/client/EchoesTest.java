package org.vnetlab.live.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.vnetlab.live.probe.ProbePacket;

/** An RTT is the client's own clock's: what an echo carries back cannot make one. */
class EchoesTest {

    private static final long TOKEN = 0x1234_5678_9abc_def0L;
    private static final int PAYLOAD = 100;

    /** The echo of probe {@code seq} stamped {@code stamp}, as a reflector returns it. */
    private static ByteBuffer echo(int seq, long stamp) {
        ByteBuffer b = ProbePacket.create(PAYLOAD, TOKEN, 7);
        ProbePacket.stamp(b, seq, stamp);
        b.position(PAYLOAD);
        return b;
    }

    @Test
    void aFaithfulEchoIsMeasuredOnTheClientsClock() {
        RttClient.Echoes e = new RttClient.Echoes(TOKEN, PAYLOAD, 10, 2);
        e.sent(0, 5_000_000);
        e.take(echo(10, 5_000_000), 5_250_000);
        RttResult r = e.result(0, 1);
        assertArrayEquals(new double[] {0.25}, r.rttMs(), 1e-12);
    }

    /** A reflector that rewrote the stamp made RTTs of 0 or of 5,000 s in a test of one second. */
    @Test
    void anEchoWithAnAlteredStampOrOfAProbeNotSentCountsAsUnanswered() {
        RttClient.Echoes e = new RttClient.Echoes(TOKEN, PAYLOAD, 10, 2);
        e.sent(0, 5_000_000);
        e.take(echo(10, Long.MAX_VALUE), 5_250_000);
        e.take(echo(10, 1), 5_260_000);
        e.take(echo(11, 5_100_000), 5_270_000); // probe 11 was never sent
        RttResult r = e.result(0, 3);
        assertEquals(0, r.rttMs().length);
        e.take(echo(10, 5_000_000), 5_300_000);
        assertArrayEquals(new double[] {0.3}, e.result(0, 4).rttMs(), 1e-12);
    }
}
