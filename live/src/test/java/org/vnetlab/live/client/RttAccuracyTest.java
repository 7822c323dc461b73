package org.vnetlab.live.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.control.ControlCodec;
import org.vnetlab.live.control.ControlMessage;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.control.ControlMessage.ProbeRequest;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;

/**
 * The RTT arithmetic against a known delay, without netem: a stand-in reflector that holds every
 * probe for {@value #HOLD_MILLIS} ms before sending it back. The measured RTT must be that hold
 * plus loopback's fraction of a millisecond, with little jitter.
 */
class RttAccuracyTest {

    static final long HOLD_MILLIS = 2;

    @Test
    void aReflectorThatHolds2msGivesAnRttOf2ms() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicLong echoed = new AtomicLong();
        try (ServerSocket control = new ServerSocket(0, 1, loopback);
             DatagramChannel echo = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0))) {
            Thread reflector = new Thread(() -> {
                ByteBuffer b = ByteBuffer.allocate(2000);
                try {
                    while (true) {
                        b.clear();
                        SocketAddress from = echo.receive(b);
                        Thread.sleep(HOLD_MILLIS);
                        b.flip();
                        echo.send(b, from);
                        echoed.incrementAndGet();
                    }
                } catch (Exception e) {
                    // closed
                }
            });
            reflector.setDaemon(true);
            reflector.start();
            Thread server = new Thread(() -> serve(control, ((InetSocketAddress) localAddress(echo)).getPort(),
                    echoed));
            server.setDaemon(true);
            server.start();
            // probes 8 ms apart (1000 B at 1 Mbit/s), so none waits behind another in the stand-in
            RttResult r = new RttClient(loopback, control.getLocalPort()).run(IpVersion.IPV4, 1000,
                    DataRate.parse("1M"), 40, 10, Duration.ofSeconds(1));
            assertEquals(40, r.received());
            assertEquals(50, r.reflected());
            assertTrue(r.rtt().median() >= 2.0 && r.rtt().median() < 3.0, "rtt " + r.rtt());
            assertTrue(r.rttPercentile(0) >= 2.0, "an echo came back before it was held 2 ms: " + r.rttPercentile(0));
            assertTrue(r.jitter().median() < 1000, "jitter " + r.jitter());
        }
    }

    private static SocketAddress localAddress(DatagramChannel c) {
        try {
            return c.getLocalAddress();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The control side of a reflector, for one test. */
    private static void serve(ServerSocket control, int echoPort, AtomicLong echoed) {
        try (Socket s = control.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                ControlMessage m = ControlCodec.decode(body);
                ControlMessage reply;
                if (m instanceof ProbeRequest) {
                    reply = new Accepted(1, 42, echoPort);
                } else if (m instanceof Start) {
                    reply = new Started();
                } else if (m instanceof Finish) {
                    reply = new Report(echoed.get() * 1000, echoed.get(), 0, 0, Map.of());
                } else {
                    return;
                }
                byte[] b = ControlCodec.encode(reply);
                out.writeInt(b.length);
                out.write(b);
                out.flush();
            }
        } catch (Exception e) {
            // the client closed
        }
    }
}
