package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.kernel.Kernel;
import org.vnetlab.sim.packet.PacketKind;
import org.vnetlab.sim.packet.Train;

class NicTxTest {

    private static final WireEnd NOWHERE = frames -> { };
    private static final PacketKind UDP4 = PacketKind.of(IpVersion.IPV4, Transport.UDP);

    /** Four 1470-byte frames of {@code flow}, paced 100 us apart from {@code first}. */
    private static Train paced(long first, int flow) {
        return new Train().of(UDP4, 1470, flow).readyAt(first).readyEvery(100_000).count(4);
    }

    @Test
    void aSenderBlockedBehindInterleavedTrainsIsWokenOnceAQuarterIsFree() {
        Kernel k = new Kernel();
        NicTx nic = new NicTx(k, "host", 8, DataRate.gbps(1), 0, 0, NOWHERE);
        // two paced senders, 100 us apart per frame: the second's frames fill the first's gaps
        nic.send(paced(0, 1));
        nic.send(paced(0, 2));
        k.runUntil(60_000);
        assertEquals(6, 8 - nic.room(k.now()), "the first frame of each train has started");
        k.runUntil(150_000);
        assertEquals(4, 8 - nic.room(k.now()));
        nic.send(paced(151_000, 3));
        assertEquals(0, nic.room(k.now()));
        nic.wakeWhenRoom(new org.vnetlab.sim.cpu.Task("sender", new org.vnetlab.sim.cpu.Domain("d"),
                org.vnetlab.sim.cpu.Context.THREAD) {
            @Override
            protected boolean hasWork(long now) {
                return false;
            }

            @Override
            protected double beginJob(long now) {
                return 0;
            }

            @Override
            protected void endJob(long start, long end) {
            }
        });
        long wake = k.nextEventTime();
        assertEquals(200_000, wake, "woken when the first train's third frame starts");
        assertEquals(1, nic.room(wake - 1));
        assertEquals(2, nic.room(wake), "a quarter of the ring is free when the sender is woken");
    }
}
