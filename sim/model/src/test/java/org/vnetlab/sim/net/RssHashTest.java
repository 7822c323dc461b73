package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RssHashTest {

    private static byte[] tuple(int[] src, int[] dst, int sport, int dport) {
        byte[] b = new byte[12];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) src[i];
            b[4 + i] = (byte) dst[i];
        }
        b[8] = (byte) (sport >>> 8);
        b[9] = (byte) sport;
        b[10] = (byte) (dport >>> 8);
        b[11] = (byte) dport;
        return b;
    }

    @Test
    void toeplitzMatchesMicrosoftsVerificationSuite() {
        // "Verifying the RSS Hash Calculation", IPv4 with TCP: source 66.9.149.187:2794, destination 161.142.100.80:1766
        assertEquals(0x51ccc178, RssHash.toeplitz(tuple(new int[] {66, 9, 149, 187}, new int[] {161, 142, 100, 80},
                2794, 1766)));
        // source 199.92.111.2:14230, destination 65.69.140.83:4739
        assertEquals(0xc626b0ea, RssHash.toeplitz(tuple(new int[] {199, 92, 111, 2}, new int[] {65, 69, 140, 83},
                14230, 4739)));
    }

    @Test
    void oneQueueTakesEveryFlow() {
        RssHash rss = new RssHash(1, 1);
        for (int flow = 0; flow < 100; flow++) {
            assertEquals(0, rss.queueOf(flow));
        }
    }

    @Test
    void theSameSeedGivesTheSameQueuesAndAnotherSeedOtherPorts() {
        RssHash a = new RssHash(4, 7);
        RssHash b = new RssHash(4, 7);
        for (int flow = 63; flow >= 0; flow--) {
            assertEquals(a.queueOf(flow), b.queueOf(flow));
        }
        int differ = 0;
        RssHash c = new RssHash(4, 8);
        for (int flow = 0; flow < 64; flow++) {
            int port = a.clientPort(flow);
            assertTrue(port >= 32768 && port <= 60999, "Linux's ephemeral range: " + port);
            differ += port != c.clientPort(flow) ? 1 : 0;
        }
        assertNotEquals(0, differ);
    }

    @Test
    void manyFlowsSpreadEvenlyOverTheQueues() {
        RssHash rss = new RssHash(4, 1);
        int[] perQueue = new int[4];
        for (int flow = 0; flow < 4000; flow++) {
            perQueue[rss.queueOf(flow)]++;
        }
        for (int n : perQueue) {
            assertEquals(1000, n, 100, "a quarter of the flows each");
        }
    }
}
