package org.vnetlab.live.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.Transport;
import org.vnetlab.live.control.ControlMessage;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.control.ControlMessage.Interval;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.ControlMessage.Request;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;
import org.vnetlab.live.control.TestSpec;
import org.vnetlab.live.data.DataHeader;
import org.vnetlab.live.data.DataThreads;
import org.vnetlab.live.data.Handshake;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.data.Sockets;
import org.vnetlab.live.data.Tally;
import org.vnetlab.live.data.TcpBulk;
import org.vnetlab.live.data.UdpPacedSender;
import org.vnetlab.live.data.UdpReceiver;

/** Runs one trial of a throughput test against a measurement server, as iperf's client does. */
public final class ThroughputClient {

    /** How long datagrams still in flight are waited for after the server's last one. */
    private static final long DRAIN_MILLIS = 200;
    private static final int HELLOS = 3;
    /** How long after a test's duration a server may take to report, and a frame to come. */
    private static final Duration REPORT_GRACE = Duration.ofSeconds(15);

    private final InetAddress server;
    private final int port;
    private final IntervalListener intervals;

    public ThroughputClient(InetAddress server, int port, IntervalListener intervals) {
        this.server = server;
        this.port = port;
        this.intervals = intervals;
    }

    public TrialResult run(TestSpec spec) throws IOException, InterruptedException {
        Duration silence = spec.duration().plus(REPORT_GRACE);
        try (ControlClient control = ControlClient.connect(server, port, silence)) {
            control.send(new Request(ControlMessage.VERSION, spec));
            Accepted accepted = control.expect(Accepted.class);
            InetSocketAddress data = new InetSocketAddress(server, accepted.dataPort());
            InetAddress local = control.localAddress().getAddress();
            boolean clientSends = spec.direction() == Direction.RX;
            if (spec.transport() == Transport.TCP) {
                return clientSends ? tcpSend(spec, control, accepted, data) : tcpReceive(spec, control, accepted, data);
            }
            return clientSends ? udpSend(spec, control, accepted, data, local)
                    : udpReceive(spec, control, accepted, data, local);
        }
    }

    private TrialResult udpSend(TestSpec spec, ControlClient control, Accepted a, InetSocketAddress data,
                                InetAddress local) throws IOException, InterruptedException {
        try (DatagramChannel channel = Sockets.udp(local, 0)) {
            channel.connect(data);
            UdpPacedSender sender = new UdpPacedSender(channel, a.token(), spec.payload(), spec.rate());
            long started = start(control);
            CompletableFuture<Long> sent = DataThreads.start("vnetlab-udp-send", () -> {
                long n = sender.run(spec.duration().toNanos());
                control.send(new Finish(n, sender.tally().bytes()));
                return n;
            });
            Report r = awaitReport(control, new IntervalCheck(control.server(), spec.payload(),
                    () -> sender.tally().bytes(), spec.payload(), started), sent, reportDeadline(spec, started));
            long window = System.nanoTime() - started;
            long packets = join(sent);
            ReportCheck.check(control.server(), r, ReportCheck.Expected.udp(0, packets, spec.payload(), window));
            return new TrialResult(spec, r.bytes(), packets, r.packets(), r.reordered(), r.elapsedNanos() / 1e9,
                    r.cpuPercent());
        }
    }

    private TrialResult udpReceive(TestSpec spec, ControlClient control, Accepted a, InetSocketAddress data,
                                   InetAddress local) throws IOException, InterruptedException {
        DatagramChannel channel = Sockets.udp(local, 0);
        try (channel) {
            channel.connect(data);
            for (int i = 0; i < HELLOS; i++) {
                channel.write(DataHeader.hello(a.token()));
            }
            UdpReceiver receiver = new UdpReceiver(channel, a.token(), spec.payload(), null, new Rejections());
            CompletableFuture<Void> receiving = DataThreads.start("vnetlab-udp-receive", () -> {
                receiver.run();
                return null;
            });
            long started = start(control);
            Report r;
            long window;
            Ticker ticker = new Ticker(receiver.tally(), intervals);
            try {
                r = awaitReport(control, null, receiving, reportDeadline(spec, started));
                window = System.nanoTime() - started;
                Thread.sleep(DRAIN_MILLIS);
            } finally {
                ticker.stop();
            }
            channel.close();
            join(receiving);
            Tally t = receiver.tally();
            ReportCheck.check(control.server(), r, ReportCheck.Expected.paced(t.packets(), spec.payload(),
                    spec.rate(), spec.duration().toNanos(), window));
            return new TrialResult(spec, t.bytes(), r.packets(), t.packets(), receiver.reordered(),
                    t.spanNanos() / 1e9, r.cpuPercent());
        }
    }

    private TrialResult tcpSend(TestSpec spec, ControlClient control, Accepted a, InetSocketAddress data)
            throws IOException, InterruptedException {
        try (SocketChannel channel = SocketChannel.open(data)) {
            Handshake.sendToken(channel, a.token());
            TcpBulk bulk = new TcpBulk();
            long started = start(control);
            CompletableFuture<Long> sent = DataThreads.start("vnetlab-tcp-send", () -> bulk.send(channel,
                    spec.duration().toNanos()));
            Report r = awaitReport(control, new IntervalCheck(control.server(), 0, () -> bulk.tally().bytes(),
                    TcpBulk.BLOCK, started), sent, reportDeadline(spec, started));
            long window = System.nanoTime() - started;
            ReportCheck.check(control.server(), r, ReportCheck.Expected.tcp(0, join(sent), window));
            return new TrialResult(spec, r.bytes(), 0, 0, 0, r.elapsedNanos() / 1e9, r.cpuPercent());
        }
    }

    private TrialResult tcpReceive(TestSpec spec, ControlClient control, Accepted a, InetSocketAddress data)
            throws IOException, InterruptedException {
        try (SocketChannel channel = SocketChannel.open(data)) {
            Handshake.sendToken(channel, a.token());
            TcpBulk bulk = new TcpBulk();
            long started = start(control);
            CompletableFuture<Long> received = DataThreads.start("vnetlab-tcp-receive", () -> bulk.receive(channel));
            Report r;
            long window;
            Ticker ticker = new Ticker(bulk.tally(), intervals);
            try {
                r = awaitReport(control, null, received, reportDeadline(spec, started));
                window = System.nanoTime() - started;
                join(received);
            } finally {
                ticker.stop();
            }
            Tally t = bulk.tally();
            // the server sent at least what arrived here; the rate bound keeps the top in check
            ReportCheck.check(control.server(), r, ReportCheck.Expected.tcp(t.bytes(), Long.MAX_VALUE, window));
            return new TrialResult(spec, t.bytes(), 0, 0, 0, t.spanNanos() / 1e9, r.cpuPercent());
        }
    }

    /** Starts the test; returns when Start went out, from which the server's side ran. */
    private static long start(ControlClient control) {
        long sent = System.nanoTime();
        control.send(new Start());
        control.expect(Started.class);
        return sent;
    }

    /** When a report is overdue: the test's duration and the grace a silent server gets, from Start. */
    private static long reportDeadline(TestSpec spec, long started) {
        return started + spec.duration().plus(REPORT_GRACE).toNanos();
    }

    /**
     * Reads frames until the server's report, passing the server's intervals on, checked, when the
     * server is the receiver ({@code serverCounts} not null). A local data thread that fails ends
     * the wait with its error; a server that sends intervals past {@code deadline} (System.nanoTime)
     * and no report ends it too (one once sent them for ever).
     */
    private Report awaitReport(ControlClient control, IntervalCheck serverCounts, CompletableFuture<?> local,
                               long deadline) {
        while (true) {
            if (local.isCompletedExceptionally()) {
                join(local);
            }
            if (System.nanoTime() > deadline) {
                throw new MeasureException(control.server() + " sent no report within " + REPORT_GRACE.toSeconds()
                        + " s of the test's end");
            }
            ControlMessage m = control.receive();
            if (m instanceof Report r) {
                return r;
            }
            if (m instanceof Interval i) {
                if (serverCounts != null) {
                    serverCounts.check(i, System.nanoTime());
                    intervals.interval(i.second(), i.bytes(), i.packets());
                }
            } else {
                throw new MeasureException(control.server() + " sent " + m.getClass().getSimpleName()
                        + " during the test");
            }
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeasureException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof MeasureException m) {
                throw m;
            }
            throw new MeasureException("data transfer failed: " + (c.getMessage() == null ? c : c.getMessage()));
        }
    }

    /** Reports a local receiver's counts once a second. */
    private static final class Ticker {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vnetlab-interval");
            t.setDaemon(true);
            return t;
        });
        private long lastBytes;
        private long lastPackets;
        private int second;

        Ticker(Tally tally, IntervalListener listener) {
            timer.scheduleAtFixedRate(() -> {
                Tally.Counts now = tally.counts();
                long b = now.bytes();
                long p = now.packets();
                listener.interval(++second, b - lastBytes, p - lastPackets);
                lastBytes = b;
                lastPackets = p;
            }, 1, 1, TimeUnit.SECONDS);
        }

        void stop() {
            timer.shutdownNow();
        }
    }
}
