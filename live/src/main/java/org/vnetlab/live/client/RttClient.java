package org.vnetlab.live.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import org.vnetlab.core.metrics.Distribution;
import org.vnetlab.core.metrics.InterarrivalJitter;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.control.ControlMessage;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.control.ControlMessage.Interval;
import org.vnetlab.live.control.ControlMessage.ProbeRequest;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;
import org.vnetlab.live.control.ProbeSpec;
import org.vnetlab.live.data.Sockets;
import org.vnetlab.live.probe.ProbePacket;

/**
 * The study's RTT method: generator and receiver on this machine (one clock, no synchronisation), a
 * reflector on the other. Probes go out paced at the stream rate, each stamped with its sequence
 * number and send time; the echo's arrival minus the stamped send time is the RTT.
 */
public final class RttClient {

    /** Waits shorter than this are spent polling; longer ones block in a selector (millisecond timeouts). */
    private static final long SPIN_LIMIT_NANOS = 2_000_000;
    /** The range the distributions are made for (they grow past it): 10 s. */
    private static final long LONGEST_NANOS = 10_000_000_000L;
    /** A pause after the warm-up probes, for the JIT compiler to finish what they started. */
    private static final long WARMUP_PAUSE_MILLIS = 100;

    private final InetAddress server;
    private final int port;

    public RttClient(InetAddress server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Sends {@code warmup} uncounted probes, then {@code count} probes of {@code payload} bytes at
     * {@code rate}, and waits up to {@code wait} for each phase's echoes.
     */
    public RttResult run(IpVersion ip, int payload, DataRate rate, int count, int warmup, Duration wait)
            throws IOException, InterruptedException {
        try (ControlClient control = ControlClient.connect(server, port, Duration.ofSeconds(30));
             DatagramChannel channel = Sockets.udp(control.localAddress().getAddress(), 0)) {
            control.send(new ProbeRequest(ControlMessage.VERSION,
                    new ProbeSpec(ip, payload, rate, warmup + count, Sockets.port(channel))));
            Accepted a = control.expect(Accepted.class);
            channel.connect(new InetSocketAddress(server, a.dataPort()));
            long started = System.nanoTime();
            control.send(new Start());
            control.expect(Started.class);
            ByteBuffer probe = ProbePacket.create(payload, a.token(), new SecureRandom().nextInt());
            Echoes warm = new Echoes(a.token(), payload, 0, warmup);
            if (warmup > 0) {
                probe(channel, warm, probe, rate, wait);
                Thread.sleep(WARMUP_PAUSE_MILLIS);
            }
            Echoes echoes = new Echoes(a.token(), payload, warmup, count);
            probe(channel, echoes, probe, rate, wait);
            control.send(new Finish(warmup + count, (long) (warmup + count) * payload));
            Report r = awaitReport(control);
            // each echo that came back was reflected; the reflector answers a probe the network
            // duplicated twice, so its count has no upper bound here but the rate's
            ReportCheck.check(control.server(), r, new ReportCheck.Expected(0, Long.MAX_VALUE,
                    warm.received + echoes.received, Long.MAX_VALUE, ProbePacket.BYTES, payload,
                    System.nanoTime() - started));
            return echoes.result(warmup, r.packets());
        }
    }

    /**
     * Sends the probes paced and takes in echoes on one thread (no thread hand-off on a busy
     * machine's few cores). An echo is stamped when it is read, so the thread never sleeps blindly:
     * between probes less than {@value #SPIN_LIMIT_NANOS} ns apart it polls the non-blocking channel;
     * for longer waits it blocks in a selector, which wakes as soon as an echo arrives. After the last
     * probe it waits up to {@code wait} for the rest.
     */
    private static void probe(DatagramChannel channel, Echoes echoes, ByteBuffer probe, DataRate rate, Duration wait)
            throws IOException {
        channel.configureBlocking(false);
        ByteBuffer in = ByteBuffer.allocateDirect(echoes.payload + 1);
        double interval = echoes.payload * 8e9 / rate.bitsPerSecond();
        int count = echoes.sent.length;
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            long start = System.nanoTime();
            long giveUp = Long.MAX_VALUE;
            int n = 0;
            while (echoes.received < count) {
                long now = System.nanoTime();
                long due = n < count ? start + (long) (n * interval) : giveUp;
                if (n < count && now - due >= 0) {
                    echoes.sent(n, now);
                    ProbePacket.stamp(probe, echoes.first + n++, now);
                    channel.write(probe);
                    if (n == count) {
                        giveUp = now + wait.toNanos();
                    }
                }
                in.clear();
                if (channel.receive(in) != null) {
                    echoes.take(in, System.nanoTime());
                } else if (n == count && now - giveUp > 0) {
                    return;
                } else if (due - now > SPIN_LIMIT_NANOS) {
                    selector.select(Math.max(1, (due - now) / 1_000_000 - 1));
                    selector.selectedKeys().clear();
                } else {
                    Thread.onSpinWait();
                }
            }
        } finally {
            channel.configureBlocking(true);
        }
    }

    private static Report awaitReport(ControlClient control) {
        while (true) {
            ControlMessage m = control.receive();
            if (m instanceof Report r) {
                return r;
            }
            if (!(m instanceof Interval)) {
                throw new MeasureException(control.server() + " sent " + m.getClass().getSimpleName()
                        + " during the test");
            }
        }
    }

    /**
     * The echoes: per probe, the time this client sent it and the time its echo came, and the order
     * they came in. The send time is the client's own, not the one the echo carries: a reflector
     * that rewrote it once made RTTs of 0 or of 5,000 seconds in a test of one.
     */
    static final class Echoes {
        private final long token;
        private final int payload;
        private final int first;
        private final long[] sent;
        private final long[] arrived;
        private final int[] order;
        private int received;

        /** Echoes of the probes numbered {@code first} to {@code first + count - 1}. */
        Echoes(long token, int payload, int first, int count) {
            this.token = token;
            this.payload = payload;
            this.first = first;
            this.sent = new long[count];
            this.arrived = new long[count];
            this.order = new int[count];
        }

        /** Probe {@code n} (counted from {@code first}) left at {@code at}. */
        void sent(int n, long at) {
            sent[n] = at;
        }

        /**
         * Keeps an echo; ignores anything not a whole probe of this test as it was sent (a probe not
         * yet sent, or its stamp altered), and duplicates: such a probe counts as unanswered.
         */
        void take(ByteBuffer b, long now) {
            if (b.position() != payload || ProbePacket.token(b) != token) {
                return;
            }
            int seq = ProbePacket.sequence(b) - first;
            if (seq < 0 || seq >= sent.length || arrived[seq] != 0 || sent[seq] == 0
                    || ProbePacket.sendNanos(b) != sent[seq]) {
                return;
            }
            arrived[seq] = now;
            order[received++] = seq;
        }

        RttResult result(int warmup, long reflected) {
            int count = sent.length;
            double[] rtt = new double[received];
            double[] jitter = new double[Math.max(0, received - 1)];
            Distribution rttNanos = new Distribution(LONGEST_NANOS);
            Distribution jitterNanos = new Distribution(LONGEST_NANOS);
            InterarrivalJitter j = new InterarrivalJitter();
            for (int i = 0; i < received; i++) {
                int seq = order[i];
                long nanos = arrived[seq] - sent[seq];
                rtt[i] = nanos / 1e6;
                rttNanos.record(nanos);
                double estimate = j.add(sent[seq], arrived[seq]);
                if (i > 0) {
                    jitter[i - 1] = estimate / 1e3;
                    jitterNanos.record(Math.round(estimate));
                }
            }
            return new RttResult(count, warmup, reflected, rtt, jitter, rttNanos, jitterNanos);
        }
    }
}
