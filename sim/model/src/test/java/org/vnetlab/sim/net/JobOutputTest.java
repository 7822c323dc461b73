package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * A job's parts with trains: 16 packets each, but a packet some reader waits for at once (it
 * sleeps on its socket) ends the part it is in, planned or in progress.
 */
class JobOutputTest {

    private static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);
    private static final double COST = 100;

    /** A job of 10 packets of flow 1 then 30 of flow 2, each costing {@link #COST}. */
    private static JobOutput job(boolean[] waiting) {
        JobOutput out = new JobOutput("test.job");
        out.handOverAtOnce((flow, kind) -> waiting[flow]);
        PacketQueue ring = PacketQueue.unbounded("test.ring");
        ring.offer(new Train().of(UDP4, 36, 1).count(10));
        ring.offer(new Train().of(UDP4, 36, 2).count(30));
        out.take(ring, 10, COST, 0);
        out.take(ring, 30, COST, 0);
        out.work(0, 0, 1.0, 16, 1.0);
        return out;
    }

    /**
     * The part in progress ends at {@code now}: as the executor does, the next part is planned,
     * then this one's packets are released. Returns how many each delivery handed over.
     */
    private static List<Integer> partEnds(JobOutput out, long now) {
        List<Integer> released = new ArrayList<>();
        out.nextPart();
        out.partDone(now, (segment, n, first, step) -> {
            released.add(n);
            out.taken().removeHead(n);
        });
        return released;
    }

    @Test
    void partsAreTrainsWhileNoReaderWaits() {
        JobOutput out = job(new boolean[3]);
        assertEquals(16 * COST, out.nextPart());
        assertEquals(16 * COST, out.nextPart());
        // the last 8 end with the job
        assertEquals(0, out.nextPart());
    }

    @Test
    void aPartEndsWithTheFirstPacketForASleepingReader() {
        boolean[] waiting = {false, false, true};
        JobOutput out = job(waiting);
        // flow 1's ten, then flow 2's first, which wakes its reader
        assertEquals(11 * COST, out.nextPart());
        // once it is handed over the reader is awake: trains again
        waiting[2] = false;
        assertEquals(List.of(10, 1), partEnds(out, 1100));
        assertEquals(16 * COST, out.shorten(16 * COST));
    }

    @Test
    void aReaderFallingAsleepCutsThePartInProgressAtItsNextPacket() {
        boolean[] waiting = new boolean[3];
        JobOutput out = job(waiting);
        assertEquals(16 * COST, out.nextPart());
        // 4 packets done: flow 2's first, packet 11, is not
        waiting[2] = true;
        assertEquals(7 * COST, out.shorten(12 * COST));
        assertEquals(List.of(10, 1), partEnds(out, 1100));
    }

    @Test
    void aPacketDoneAlreadyForAReaderNowAsleepIsHandedOverAtOnceWithAllThatIsDone() {
        boolean[] waiting = new boolean[3];
        JobOutput out = job(waiting);
        out.nextPart();
        assertEquals(List.of(10, 6), partEnds(out, 1600));
        // the second part is packets 16 to 31, all flow 2's; 5 of them are done
        waiting[2] = true;
        assertEquals(0, out.shorten(11 * COST));
        assertEquals(List.of(5), partEnds(out, 2100));
    }

    @Test
    void withoutASleepingReaderThePartInProgressStays() {
        JobOutput out = job(new boolean[3]);
        out.nextPart();
        assertEquals(12 * COST, out.shorten(12 * COST));
        // nor is the tail of a job, which ends with it
        partEnds(out, 1600);
        partEnds(out, 3200);
        assertEquals(5 * COST, out.shorten(5 * COST));
    }

    @Test
    void theTailOfAJobIsCutForASleepingReaderToo() {
        boolean[] waiting = new boolean[3];
        JobOutput out = job(waiting);
        out.nextPart();
        partEnds(out, 1600);
        // packets 32 to 39 end with the job; 3 are done when flow 2's reader falls asleep
        assertEquals(List.of(16), partEnds(out, 3200));
        waiting[2] = true;
        assertEquals(0, out.shorten(5 * COST));
        assertEquals(List.of(3), partEnds(out, 3500));
    }
}
