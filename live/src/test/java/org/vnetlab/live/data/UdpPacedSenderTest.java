package org.vnetlab.live.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.core.units.DataRate;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpPacedSenderTest {

    /** The attack's sender: 65507 B at 1 bit/s, due again in six days. stop() must end it now. */
    @Test
    void stopWakesASenderAsleepUntilItsNextDatagram() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramChannel sink = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
             DatagramChannel out = DatagramChannel.open().bind(new InetSocketAddress(lo, 0))) {
            out.connect(sink.getLocalAddress());
            UdpPacedSender sender = new UdpPacedSender(out, 7, 65507, new DataRate(1));
            CompletableFuture<Long> sent = DataThreads.start("test-sleeper", () -> sender.run(TimeUnit.HOURS.toNanos(1)));
            ByteBuffer first = ByteBuffer.allocate(65508);
            sink.receive(first);
            assertEquals(65507, first.position());
            Thread.sleep(100);   // the sender is asleep now, until its second datagram is due
            assertFalse(sent.isDone());
            sender.stop();
            assertEquals(1, sent.get(2, TimeUnit.SECONDS));
        }
    }
}
