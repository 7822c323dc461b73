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
        out.work(0, 0, 1.0, 16);
        return out;
    }

    /** Records how many packets each delivery hands over, per flow's segment. */
    private static JobOutput.Delivery recording(JobOutput out, List<Integer> into) {
        return (segment, n, first, step) -> {
            into.add(n);
            out.taken().removeHead(n);
        };
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
        // the part ends (the executor plans the next before it releases this one's): the reader is awake now
        waiting[2] = false;
        assertEquals(16 * COST, out.nextPart());
        List<Integer> released = new ArrayList<>();
        out.partDone(1100, recording(out, released));
        assertEquals(List.of(10, 1), released);
    }

    @Test
    void aReaderFallingAsleepCutsThePartInProgressAtItsNextPacket() {
        boolean[] waiting = new boolean[3];
        JobOutput out = job(waiting);
        assertEquals(16 * COST, out.nextPart());
        // 4 packets done: flow 2's first, packet 11, is not
        waiting[2] = true;
        assertEquals(7 * COST, out.shorten(12 * COST));
        List<Integer> released = new ArrayList<>();
        out.nextPart();
        out.partDone(1100, recording(out, released));
        assertEquals(List.of(10, 1), released);
    }

    @Test
    void aPacketDoneAlreadyForAReaderNowAsleepIsHandedOverAtOnceWithAllThatIsDone() {
        boolean[] waiting = new boolean[3];
        JobOutput out = job(waiting);
        List<Integer> released = new ArrayList<>();
        out.nextPart();
        out.nextPart();
        out.partDone(1600, recording(out, released));
        // the second part is packets 16 to 31, all flow 2's; 5 of them are done
        waiting[2] = true;
        assertEquals(0, out.shorten(11 * COST));
        released.clear();
        out.nextPart();
        out.partDone(2100, recording(out, released));
        assertEquals(List.of(5), released);
    }

    @Test
    void withoutASleepingReaderThePartInProgressStays() {
        JobOutput out = job(new boolean[3]);
        out.nextPart();
        assertEquals(12 * COST, out.shorten(12 * COST));
        // nor is the tail of a job, which ends with it, cut
        out.nextPart();
        out.partDone(1600, recording(out, new ArrayList<>()));
        out.nextPart();
        assertEquals(3 * COST, out.shorten(3 * COST));
    }
}
