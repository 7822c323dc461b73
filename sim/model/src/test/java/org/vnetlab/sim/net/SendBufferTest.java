package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.cpu.Irq;
import org.vnetlab.sim.cpu.Task;

/** Linux 2.6.16's send-buffer rules for a UDP socket: sock_alloc_send_skb and sock_def_write_space. */
class SendBufferTest {

    /** Records the tasks a freeing device wakes. */
    private static final class Line implements Irq {
        final List<Task> raised = new ArrayList<>();

        @Override
        public void raise(Task t) {
            raised.add(t);
        }
    }

    @Test
    void theSocketHoldsDatagramsWhileItsChargeIsBelowTheBuffer() {
        // 1000 B of buffer, 300 B a datagram: allocation goes on while 0, 300, 600, 900 < 1000
        SendBuffer socket = new SendBuffer(1000, 300);
        assertEquals(4, socket.room());
        socket.hold(4);
        assertEquals(0, socket.room());
        assertFalse(socket.roomFor(new SleepingThread("sender")));
    }

    @Test
    void aBlockedSenderWakesOnlyOnceHalfTheBufferIsFree() {
        SendBuffer socket = new SendBuffer(1000, 100);
        Task sender = new SleepingThread("sender");
        Line line = new Line();
        socket.hold(10);
        assertFalse(socket.roomFor(sender));
        socket.free(4, line);
        assertTrue(line.raised.isEmpty(), "600 B charged: more than half the buffer, the sender sleeps on");
        socket.free(1, line);
        assertEquals(List.of(sender), line.raised, "500 B charged: half the buffer, it wakes");
        socket.free(5, line);
        assertEquals(1, line.raised.size(), "woken once");
        assertTrue(socket.roomFor(sender));
    }

    @Test
    void freeingMoreThanWasSentIsABug() {
        SendBuffer socket = new SendBuffer(1000, 100);
        socket.hold(2);
        assertThrows(IllegalStateException.class, () -> socket.free(3, Task::wake));
    }
}
