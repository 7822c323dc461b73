package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.kernel.Kernel;

class NicTxTest {

    private static final WireEnd NOWHERE = (arrival0, step, stamp0, stampStep, n, payload, flow, seq0, ack,
                                            flags) -> { };

    @Test
    void aSenderBlockedBehindInterleavedTrainsIsWokenOnceAQuarterIsFree() {
        Kernel k = new Kernel();
        NicTx nic = new NicTx(k, "host", 8, DataRate.gbps(1), 0, 0, NOWHERE);
        // two paced senders, 100 us apart per frame: the second's frames fill the first's gaps
        nic.send(0, 100_000, 0, 100_000, 4, 1470, 1, 0, 0, 0);
        nic.send(0, 100_000, 0, 100_000, 4, 1470, 2, 0, 0, 0);
        k.runUntil(60_000);
        assertEquals(6, 8 - nic.room(k.now()), "the first frame of each train has started");
        k.runUntil(150_000);
        assertEquals(4, 8 - nic.room(k.now()));
        nic.send(151_000, 100_000, 0, 100_000, 4, 1470, 3, 0, 0, 0);
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
