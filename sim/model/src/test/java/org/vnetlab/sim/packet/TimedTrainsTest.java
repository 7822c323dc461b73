package org.vnetlab.sim.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.kernel.RandomStream;

class TimedTrainsTest {

    private static Train train(int flow) {
        return new Train().of(PacketKind.of(IpVersion.IPV4, Transport.UDP), 64, flow);
    }

    /** Adds a train of flow {@code flow} at random to {@code t}, and its packets' times to {@code all}. */
    private static void addRandomTrain(RandomStream r, int flow, long span, long maxStep, int maxCount,
                                       TimedTrains t, List<Long> all) {
        long first = (long) (r.nextDouble() * span);
        long step = (long) (r.nextDouble() * maxStep);
        int n = 1 + (int) (r.nextDouble() * maxCount);
        t.add(train(flow).readyAt(first).readyEvery(step).count(n));
        for (int j = 0; j < n; j++) {
            all.add(first + j * step);
        }
    }

    /** Two paced trains of different senders whose frames alternate: A at 0, 100, 200; B at 50, 150, 250. */
    private static TimedTrains interleaved() {
        TimedTrains t = new TimedTrains();
        t.add(train(1).readyAt(0).readyEvery(100).seq(10).count(3));
        t.add(train(2).readyAt(50).readyEvery(100).seq(20).count(3));
        return t;
    }

    @Test
    void countsAndOrdersPacketsByTimeAcrossInterleavedTrains() {
        TimedTrains t = interleaved();
        assertEquals(6, t.size());
        assertEquals(0, t.firstTime());
        assertEquals(2, t.countBy(50));
        assertEquals(3, t.countBy(149));
        long[] expected = {0, 50, 100, 150, 200, 250};
        for (int k = 0; k < 6; k++) {
            assertEquals(expected[k], t.timeOf(k), "packet " + k);
        }
        assertEquals(Long.MAX_VALUE, t.timeOf(6));
    }

    @Test
    void removesWhatIsDueFromEveryTrainNotOnlyTheFirst() {
        TimedTrains t = interleaved();
        assertEquals(4, t.removeBy(160));
        assertEquals(2, t.size());
        assertEquals(200, t.firstTime());
        assertEquals(250, t.timeOf(1));
    }

    @Test
    void handsPacketsOnInTimeOrderAndTheQueueDropsWhatDoesNotFit() {
        TimedTrains t = interleaved();
        PacketQueue ring = new PacketQueue("ring.drop", 3);
        assertEquals(5, t.moveBy(200, ring));
        assertEquals(2, ring.drops());
        List<String> order = new ArrayList<>();
        while (!ring.isEmpty()) {
            order.add(ring.headFlow() + "@" + ring.headReady() + "#" + ring.headSeq());
            ring.removeHead();
        }
        assertEquals(List.of("1@0#10", "2@50#20", "1@100#11"), order);
        assertEquals(1, t.size());
        assertEquals(250, t.firstTime());
    }

    @Test
    void trainsThatDoNotOverlapStayWholeWhenMoved() {
        TimedTrains t = new TimedTrains();
        t.add(train(1).readyAt(0).readyEvery(10).stampedEvery(10).count(5));
        t.add(train(1).readyAt(50).readyEvery(10).stampedAt(50).stampedEvery(10).seq(5).count(5));
        PacketQueue q = PacketQueue.unbounded("q");
        t.moveBy(1000, q);
        assertEquals(10, q.headCount());
    }

    @Test
    void theKthTimeMatchesASortOfEveryPacket() {
        RandomStream r = new RandomStream(3, "trains");
        TimedTrains t = new TimedTrains();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            addRandomTrain(r, i, 10_000, 300, 20, t, all);
        }
        all.sort(null);
        for (int k = 0; k < all.size(); k++) {
            assertEquals(all.get(k), t.timeOf(k), "packet " + k);
        }
        PacketQueue q = PacketQueue.unbounded("q");
        t.moveBy(Long.MAX_VALUE - 1, q);
        for (long expected : all) {
            assertEquals(expected, q.headReady());
            q.removeHead();
        }
    }

    /** {@code timeOf} remembers its last answer: adding an earlier packet or taking one must not leave it stale. */
    @Test
    void theKthTimeFollowsAddsAndTakesBetweenTheSameQuestion() {
        RandomStream r = new RandomStream(5, "asks");
        TimedTrains t = new TimedTrains();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            if (r.nextDouble() < 0.6 || all.isEmpty()) {
                addRandomTrain(r, i, 5_000, 50, 4, t, all);
            } else {
                long by = (long) (r.nextDouble() * 5_000);
                t.removeBy(by);
                all.removeIf(time -> time <= by);
            }
            all.sort(null);
            int k = Math.min(3, all.size() - 1);
            assertEquals(k < 0 ? Long.MAX_VALUE : all.get(k), t.timeOf(Math.max(k, 0)), "step " + i);
        }
    }
}
