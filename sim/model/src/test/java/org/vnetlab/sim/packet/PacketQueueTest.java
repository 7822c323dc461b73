package org.vnetlab.sim.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;

class PacketQueueTest {

    private static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);

    private static Train train(int payload, int flow) {
        return new Train().of(UDP4, payload, flow);
    }

    @Test
    void aFullQueueDropsTheExcessAndCountsIt() {
        PacketQueue q = new PacketQueue("test.drop", 10);
        assertEquals(10, q.offer(train(100, 1).readyEvery(5).stampedEvery(5).count(25)));
        assertEquals(15, q.drops());
        assertTrue(q.isFull());
        assertEquals(0, q.offer(train(100, 1).seq(99)));
        assertEquals(16, q.drops());
    }

    @Test
    void continuingPacketsJoinOneTrainAndOthersStartANewOne() {
        PacketQueue q = new PacketQueue("test", 100);
        Train t = train(100, 1);
        for (int i = 0; i < 5; i++) {
            q.offer(t.readyAt(10L * i).stampedAt(10L * i).seq(i));
        }
        assertEquals(5, q.headCount());
        q.offer(train(200, 1).readyAt(1000).stampedAt(1000).seq(5));
        assertEquals(6, q.size());
        q.removeHead(3);
        assertEquals(30, q.headReady());
        assertEquals(3, q.headSeq());
        q.removeHead(2);
        assertEquals(200, q.headPayload());
        assertThrows(IllegalStateException.class, () -> q.removeHead(2));
    }

    @Test
    void aPacketOfAnotherKindStartsANewTrain() {
        PacketQueue q = PacketQueue.unbounded("test");
        q.offer(train(100, 1).readyAt(0).seq(0));
        q.offer(train(100, 1).readyAt(10).seq(1).kind(UDP4.outwards()));
        assertEquals(1, q.headCount());
        q.removeHead();
        assertSame(UDP4.outwards(), q.headKind());
    }

    @Test
    void movingPartOfATrainRetimesIt() {
        PacketQueue a = new PacketQueue("a", 100);
        PacketQueue b = new PacketQueue("b", 100);
        a.offer(train(64, 2).readyEvery(1).stampedEvery(1).seq(100).count(10));
        assertEquals(4, a.moveHeadTo(b, 4, 500, 7));
        assertEquals(6, a.size());
        assertEquals(104, a.headSeq());
        Train moved = b.head(new Train());
        assertEquals(500, moved.ready());
        assertEquals(7, moved.readyStep());
        assertEquals(514, moved.readyOf(2));
        assertEquals(4, moved.count());
        assertEquals(100, moved.seq());
        assertEquals(3, moved.stampOf(3));
    }

    @Test
    void readyPacketsAreCountedByTime() {
        PacketQueue a = new PacketQueue("a", 100);
        a.offer(train(64, 0).readyAt(100).readyEvery(10).count(10));
        assertEquals(0, a.headReadyBy(99));
        assertEquals(1, a.headReadyBy(100));
        assertEquals(4, a.headReadyBy(135));
        assertEquals(10, a.headReadyBy(10_000));
    }
}
