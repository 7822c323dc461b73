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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.core.metrics.Stats;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.control.ControlCodec;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.control.ControlMessage.ProbeRequest;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;
import org.vnetlab.live.control.ControlMessage;

/**
 * The RTT arithmetic against a known delay, without netem: a stand-in reflector that holds every
 * probe for at least {@value #HOLD_MILLIS} ms before sending it back and records how long it really
 * held each. The measured RTT must never be below the hold, and its median must be the hold's plus
 * loopback and scheduling (well under a millisecond on an idle machine; the bound allows a busy one).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RttAccuracyTest {

    static final long HOLD_MILLIS = 2;

    @Test
    void aReflectorThatHolds2msGivesAnRttOfTheHold() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicLong echoed = new AtomicLong();
        List<Double> heldMs = new CopyOnWriteArrayList<>();
        try (ServerSocket control = new ServerSocket(0, 1, loopback);
             DatagramChannel echo = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0))) {
            Thread reflector = new Thread(() -> {
                ByteBuffer b = ByteBuffer.allocate(2000);
                try {
                    while (true) {
                        b.clear();
                        SocketAddress from = echo.receive(b);
                        long in = System.nanoTime();
                        Thread.sleep(HOLD_MILLIS);
                        b.flip();
                        heldMs.add((System.nanoTime() - in) / 1e6);
                        echoed.incrementAndGet(); // before the echo leaves, so the client's Finish sees it
                        echo.send(b, from);
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
            double held = Stats.median(heldMs.stream().mapToDouble(Double::doubleValue).toArray());
            // the distribution keeps each value to 0.1 %
            assertTrue(r.rttPercentile(0) >= HOLD_MILLIS * (1 - 0.001),
                    "an echo came back before it was held: " + r.rttPercentile(0));
            assertTrue(r.rtt().median() >= held && r.rtt().median() < held + 1.5,
                    "rtt " + r.rtt() + ", held " + held + " ms");
            // each |D| of RFC 3550 is a difference of two RTTs, so the estimate stays within their range
            double rangeUs = (r.rttPercentile(100) - r.rttPercentile(0)) * 1000;
            for (double j : r.jitterUs()) {
                assertTrue(j >= 0 && j <= rangeUs + 1e-6, "jitter " + j + " us outside the rtt range " + rangeUs);
            }
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
            long started = 0;
            while (true) {
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                ControlMessage m = ControlCodec.decode(body);
                ControlMessage reply;
                if (m instanceof ProbeRequest) {
                    reply = new Accepted(1, 42, echoPort);
                } else if (m instanceof Start) {
                    started = System.nanoTime();
                    reply = new Started();
                } else if (m instanceof Finish) {
                    // the time it reflected, as a server reports it: the client refuses a report without
                    reply = new Report(echoed.get() * 1000, echoed.get(), 0, System.nanoTime() - started, Map.of());
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
