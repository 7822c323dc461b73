package org.vnetlab.live.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A server's per-second interval is the difference of two readings of its tally while the data
 * thread counts on: each reading must hold whole datagrams, or an honest interval holds a fraction
 * of one (CI once saw "bytes 24751860 in packets 16839" from the loopback test).
 */
class TallyTest {

    private static final int PAYLOAD = 1470;
    private static final int DATAGRAMS = 3_000_000;

    @Test
    void countsReadWhileTheWriterCountsHoldWholeDatagrams() throws InterruptedException {
        Tally tally = new Tally();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < DATAGRAMS; i++) {
                tally.add(PAYLOAD, i, true);
            }
        });
        writer.start();
        long readings = 0;
        while (writer.isAlive()) {
            Tally.Counts c = tally.counts();
            assertEquals(c.packets() * PAYLOAD, c.bytes(), "a reading taken mid-datagram");
            readings++;
        }
        writer.join();
        assertEquals(new Tally.Counts((long) DATAGRAMS * PAYLOAD, DATAGRAMS), tally.counts());
        assertTrue(readings > 0, "the reader read while the writer counted");
    }
}
