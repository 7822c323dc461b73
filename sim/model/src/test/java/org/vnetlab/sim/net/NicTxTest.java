package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.cpu.Task;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.Train;

class NicTxTest {

    private static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);
    /** 1470-byte frames at 1 Gbit/s: 1536 wire bytes, 12,288 ns each. */
    private static final long SERIALISE = 12_288;

    /** A far end that records "flow#seq@arrival" per frame. */
    private static class Recorder implements WireEnd {
        final List<String> frames = new ArrayList<>();

        @Override
        public void arrive(Train t) {
            for (int j = 0; j < t.count(); j++) {
                frames.add(t.flow() + "#" + (t.seq() + j) + "@" + t.readyOf(j));
            }
        }
    }

    private static Train train(int flow, long firstReady, long step, int n) {
        return new Train().of(UDP4, 1470, flow).readyAt(firstReady).readyEvery(step).count(n);
    }

    @Test
    void framesOfTwoSendersReadyTogetherAlternateOnTheWire() {
        Kernel k = new Kernel();
        Recorder far = new Recorder();
        NicTx nic = new NicTx(k, "host", 100, DataRate.gbps(1), 0, 0, far);
        // two senders ready at once, faster than the wire: a real qdisc interleaves them
        nic.send(train(1, 0, 1_000, 3));
        nic.send(train(2, 500, 1_000, 3));
        k.runUntil(1_000_000);
        assertEquals(List.of("1#0@" + SERIALISE, "2#0@" + 2 * SERIALISE, "1#1@" + 3 * SERIALISE,
                "2#1@" + 4 * SERIALISE, "1#2@" + 5 * SERIALISE, "2#2@" + 6 * SERIALISE), far.frames);
    }

    @Test
    void aTrainSentLaterGoesBeforeWaitingFramesThatWereReadyAfterItsOwn() {
        Kernel k = new Kernel();
        Recorder far = new Recorder();
        NicTx nic = new NicTx(k, "host", 100, DataRate.gbps(1), 0, 0, far);
        // a job's 4 frames, handed over at 0, keep the wire busy until 4 serialisations
        nic.send(train(1, 0, 10_000, 4));
        k.runUntil(15_000);
        assertEquals(2, 100 - nic.room(k.now()), "the second frame has started, two wait");
        // another job ends now: its 2 frames were ready at 5 us and 11 us, before the waiting ones
        nic.send(train(2, 5_000, 6_000, 2));
        k.runUntil(1_000_000);
        assertEquals(List.of("1#0@" + SERIALISE, "1#1@" + 2 * SERIALISE, "2#0@" + 3 * SERIALISE,
                "2#1@" + 4 * SERIALISE, "1#2@" + 5 * SERIALISE, "1#3@" + 6 * SERIALISE), far.frames);
    }

    @Test
    void aTrainPacedSlowerThanTheWireKeepsItsSpacing() {
        Kernel k = new Kernel();
        Recorder far = new Recorder();
        NicTx nic = new NicTx(k, "host", 100, DataRate.gbps(1), 0, 1_000, far);
        nic.send(train(1, 0, 100_000, 3));
        k.runUntil(1_000_000);
        long first = SERIALISE + 1_000;
        assertEquals(List.of("1#0@" + first, "1#1@" + (first + 100_000), "1#2@" + (first + 200_000)), far.frames);
    }

    @Test
    void aSenderBlockedOnAFullRingIsWokenLaterOnceAQuarterIsFree() {
        Kernel k = new Kernel();
        // a far end that looks by itself: the wire schedules no events of its own
        NicTx nic = new NicTx(k, "host", 8, DataRate.gbps(1), 0, 0, new Recorder() {
            @Override
            public boolean attach(NicTx wire) {
                return true;
            }
        });
        nic.send(train(1, 1_000, 0, 8));
        assertEquals(0, nic.room(k.now()));
        nic.wakeWhenRoom(new SleepingThread("sender"));
        // the second frame, starting one serialisation after the first, frees a quarter (2 of 8)
        long wake = k.nextEventTime();
        assertTrue(wake > k.now());
        assertEquals(1_000 + SERIALISE, wake);
        assertEquals(1, nic.room(wake - 1));
        assertEquals(2, nic.room(wake));
    }

    @Test
    void aSocketGetsItsRoomBackAsItsFramesTakeTheWireAndTheSenderWakesAtHalf() {
        Kernel k = new Kernel();
        Recorder far = new Recorder();
        NicTx nic = new NicTx(k, "host", 100, DataRate.gbps(1), 0, 0, far);
        List<Task> woken = new ArrayList<>();
        nic.interruptOn(woken::add);
        // ten datagrams of 100 B in a 1000 B buffer; the other flow's frames are no socket's here
        SendBuffer socket = new SendBuffer(1000, 100);
        assertTrue(nic.holdFor(1, socket));
        Task sender = new SleepingThread("sender");
        socket.hold(10);
        assertFalse(socket.roomFor(sender));
        nic.send(train(1, 0, 0, 10));
        nic.send(train(2, 0, 0, 3));
        nic.room(3 * SERIALISE);
        assertEquals(10 - 4, socket.held(), "frames start on the wire one after another");
        assertTrue(woken.isEmpty());
        nic.room(5 * SERIALISE);
        assertEquals(List.of(sender), woken, "the NIC's transmit completion wakes the sender at half the buffer");
        nic.room(20 * SERIALISE);
        assertEquals(0, socket.held());
        assertEquals(13, nic.framesSent());
    }
}
