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
            long first = (long) (r.nextDouble() * 10_000);
            long step = (long) (r.nextDouble() * 300);
            int n = 1 + (int) (r.nextDouble() * 20);
            t.add(train(i).readyAt(first).readyEvery(step).count(n));
            for (int j = 0; j < n; j++) {
                all.add(first + j * step);
            }
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

    /**
     * {@code timeOf} looks from where it last stopped: adds before that train (in order, out of
     * order, at equal times), takes of whole trains and of parts, also parts that re-sort the
     * earliest train behind an equal time, must each move or reset that place.
     */
    @Test
    void theKthTimeFollowsAddsAndTakesBetweenQuestions() {
        RandomStream r = new RandomStream(5, "asks");
        TimedTrains t = new TimedTrains();
        List<Long> all = new ArrayList<>();
        long clock = 0;
        for (int i = 0; i < 4000; i++) {
            double what = r.nextDouble();
            if (what < 0.5 || all.isEmpty()) {
                // mostly later than all held, on a coarse grid so that times tie
                long first = what < 0.4 ? clock : clock - 10 * (long) (r.nextDouble() * 20);
                first = Math.max(0, first);
                long step = 10 * (long) (r.nextDouble() * 2);
                int n = 1 + (int) (r.nextDouble() * 3);
                t.add(train(i).readyAt(first).readyEvery(step).count(n));
                for (int j = 0; j < n; j++) {
                    all.add(first + j * step);
                }
                clock = Math.max(clock, first + n * step + 10 * (long) (r.nextDouble() * 2));
            } else if (what < 0.75) {
                Train head = t.head(new Train());
                int n = 1 + (int) (r.nextDouble() * head.count());
                t.removeHead(n);
                for (int j = 0; j < n; j++) {
                    all.remove(head.ready() + j * head.readyStep());
                }
            } else {
                long by = t.firstTime() + 10 * (long) (r.nextDouble() * 3);
                t.removeBy(by);
                all.removeIf(time -> time <= by);
            }
            all.sort(null);
            for (int ask = 0; ask < 3; ask++) {
                int k = (int) (r.nextDouble() * (all.size() + 1));
                assertEquals(k < all.size() ? all.get(k) : Long.MAX_VALUE, t.timeOf(k), "step " + i + ", k " + k);
            }
        }
    }
}
