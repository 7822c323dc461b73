package org.vnetlab.sim.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacketQueueTest {

    @Test
    void aFullQueueDropsTheExcessAndCountsIt() {
        PacketQueue q = new PacketQueue("test.drop", 10);
        assertEquals(10, q.offer(0, 5, 0, 5, 25, 100, 1, 0, 0, 0));
        assertEquals(15, q.drops());
        assertTrue(q.isFull());
        assertFalse(q.offer(0, 0, 100, 1, 99, 0, 0));
        assertEquals(16, q.drops());
    }

    @Test
    void continuingPacketsJoinOneTrainAndOthersStartANewOne() {
        PacketQueue q = new PacketQueue("test", 100);
        for (int i = 0; i < 5; i++) {
            q.offer(10L * i, 10L * i, 100, 1, i, 0, 0);
        }
        assertEquals(5, q.headCount());
        q.offer(1000, 1000, 200, 1, 5, 0, 0);
        assertEquals(6, q.size());
        q.removeHead(3);
        assertEquals(30, q.headReady());
        assertEquals(3, q.headSeq());
        q.removeHead(2);
        assertEquals(200, q.headPayload());
        assertThrows(IllegalStateException.class, () -> q.removeHead(2));
    }

    @Test
    void movingPartOfATrainRetimesIt() {
        PacketQueue a = new PacketQueue("a", 100);
        PacketQueue b = new PacketQueue("b", 100);
        a.offer(0, 1, 0, 1, 10, 64, 2, 100, 0, 0);
        assertEquals(4, a.moveHeadTo(b, 4, 500, 7));
        assertEquals(6, a.size());
        assertEquals(104, a.headSeq());
        assertEquals(500, b.headReady());
        assertEquals(7, b.headReadyStep());
    }

    @Test
    void readyPacketsAreCountedByTime() {
        PacketQueue a = new PacketQueue("a", 100);
        a.offer(100, 10, 0, 0, 10, 64, 0, 0, 0, 0);
        assertEquals(0, a.headReadyBy(99));
        assertEquals(1, a.headReadyBy(100));
        assertEquals(4, a.headReadyBy(135));
        assertEquals(10, a.headReadyBy(10_000));
    }
}
