package org.vnetlab.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.control.ControlMessage.Accepted;
import org.vnetlab.live.control.ControlMessage.Failed;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.control.ControlMessage.Interval;
import org.vnetlab.live.control.ControlMessage.ProbeRequest;
import org.vnetlab.live.control.ControlMessage.Refused;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.ControlMessage.Request;
import org.vnetlab.live.control.ControlMessage.Start;
import org.vnetlab.live.control.ControlMessage.Started;

/** The control protocol's codec without sockets: every message round-trips, every bad frame is refused. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControlCodecTest {

    static ActorSystem<Void> system;

    static final List<ControlMessage> ALL = List.of(
            new Request(1, new TestSpec(Transport.UDP, IpVersion.IPV6, Direction.TX, DataRate.parse("1000M"), 1450,
                    Duration.ofMillis(10_500))),
            new Request(1, new TestSpec(Transport.TCP, IpVersion.IPV4, Direction.RX, DataRate.parse("1G"), 1448,
                    Duration.ofSeconds(3))),
            new ProbeRequest(1, new ProbeSpec(IpVersion.IPV4, 1000, DataRate.parse("500M"), 140, 40000)),
            new Accepted(7, 0xfedcba9876543210L, 41234),
            new Accepted(8, 1L, 1),
            new Refused("busy"),
            new Start(),
            new Started(),
            new Interval(3, 12_345_678, 8400),
            new Finish(255_100, 375_000_000),
            new Report(1_000_000, 700, 3, 3_050_000_000L, Map.of("server", List.of(12.5, 13.25), "pid-1", List.of())),
            new Failed("no Start within the handshake time"));

    @BeforeAll
    static void start() {
        system = ActorSystem.create(Behaviors.empty(), "codec-test");
    }

    @AfterAll
    static void stop() {
        system.terminate();
    }

    @Test
    void everyMessageRoundTrips() {
        for (ControlMessage m : ALL) {
            assertEquals(m, ControlCodec.decode(ControlCodec.encode(m)), m.toString());
        }
    }

    /**
     * The frames of protocol version 1, one body a line in the order of {@link #ALL}: a change to
     * both encoder and decoder cannot pass unnoticed, and an old peer keeps understanding a new one.
     */
    @Test
    void everyMessageIsItsGoldenFrame() throws Exception {
        List<String> golden;
        try (var in = ControlCodecTest.class.getResourceAsStream("/golden/control-v1.jsonl")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(ALL.size(), golden.size());
        for (int i = 0; i < ALL.size(); i++) {
            assertEquals(golden.get(i), new String(ControlCodec.encode(ALL.get(i)), StandardCharsets.UTF_8));
            assertEquals(ALL.get(i), ControlCodec.decode(golden.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        // on the wire: a 4-byte big-endian length, then the body
        List<ByteString> wire = new CopyOnWriteArrayList<>();
        Source.single(ALL.get(6)).via(ControlCodec.bidi(16384).join(Flow.<ByteString>create().wireTap(wire::add)))
                .runWith(Sink.seq(), system).toCompletableFuture().get(10, TimeUnit.SECONDS);
        ByteString start = ByteString.fromString("{\"type\":\"start\"}");
        assertEquals(ByteString.fromArray(new byte[] {0, 0, 0, (byte) start.size()}).concat(start),
                wire.stream().reduce(ByteString.emptyByteString(), ByteString::concat));
    }

    @Test
    void theBidiFlowJoinedToItsReverseIsTheIdentity() throws Exception {
        // client stack, a wire that re-slices the bytes at random as TCP may, the server stack reversed
        Flow<ByteString, ByteString, NotUsed> wire = Flow.<ByteString>create().mapConcat(ControlCodecTest::slices);
        Flow<ControlMessage, ControlMessage, NotUsed> loop = ControlCodec.bidi(16384)
                .atop(BidiFlow.fromFlows(wire, wire))
                .atop(ControlCodec.bidi(16384).reversed())
                .join(Flow.create());
        List<ControlMessage> out = Source.from(ALL).via(loop).runWith(Sink.seq(), system).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals(ALL, out);
    }

    /** The bytes cut into pieces of 1-7 bytes. */
    private static List<ByteString> slices(ByteString b) {
        java.util.ArrayList<ByteString> parts = new java.util.ArrayList<>();
        Random r = new Random(b.size());
        int i = 0;
        while (i < b.size()) {
            int n = Math.min(b.size() - i, 1 + r.nextInt(7));
            parts.add(b.slice(i, i + n));
            i += n;
        }
        return parts;
    }

    @Test
    void hostileFramesAreRefusedWithAReason() {
        Map<String, String> bad = Map.of(
                "", "no JSON value",
                "[1,2]", "must be an object",
                "{\"type\":\"teleport\"}", "unknown message type",
                "{\"version\":1}", "missing field 'type'",
                "{\"type\":\"interval\",\"second\":1,\"bytes\":-5,\"packets\":0}", "'bytes'",
                "{\"type\":\"interval\",\"second\":1.5,\"bytes\":5,\"packets\":0}", "'second'",
                "{\"type\":\"request\",\"version\":1,\"transport\":\"sctp\",\"protocol\":\"ipv4\",\"direction\":\"rx\","
                        + "\"rate_bps\":1,\"payload\":100,\"duration_ms\":1000}", "'transport'",
                "{\"type\":\"request\",\"version\":1,\"transport\":\"udp\",\"protocol\":\"ipv4\",\"direction\":"
                        + "\"tradeoff\",\"rate_bps\":1,\"payload\":100,\"duration_ms\":1000}", "'direction'",
                "{\"type\":\"accepted\",\"test\":1,\"token\":\"xyz\",\"data_port\":5000}", "'token'",
                "{\"type\":\"report\",\"bytes\":1,\"packets\":1,\"reordered\":0,\"elapsed_ns\":1,\"cpu_percent\":"
                        + "{\"a\":[\"x\"]}}", "'cpu_percent.a' must be a number");
        bad.forEach((frame, reason) -> {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> ControlCodec.decode(frame.getBytes(StandardCharsets.UTF_8)), frame);
            assertTrue(e.getMessage().contains(reason), frame + " -> " + e.getMessage());
        });
        ProtocolException trailing = assertThrows(ProtocolException.class,
                () -> ControlCodec.decode("{\"type\":\"start\"} {}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(trailing.getMessage().contains("unexpected text after the JSON value"), trailing.getMessage());
        Random random = new Random(6);
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(64)];
            random.nextBytes(junk);
            assertThrows(ProtocolException.class, () -> ControlCodec.decode(junk));
        }
    }

    @Test
    void anOversizedOrGarbledFrameFailsTheStream() {
        byte[] body = new byte[100];
        ByteString oversized = ByteString.fromArrayUnsafe(ByteBuffer.allocate(4).putInt(1 << 30).array())
                .concat(ByteString.fromArrayUnsafe(body));
        ByteString garbled = ByteString.fromArrayUnsafe(ByteBuffer.allocate(4).putInt(3).array())
                .concat(ByteString.fromString("{{{"));
        for (ByteString wire : List.of(oversized, garbled)) {
            CompletionStage<List<ByteString>> result = Source.single(wire)
                    .via(ControlCodec.bidi(16384).reversed().join(Flow.<ControlMessage>create()))
                    .runWith(Sink.seq(), system);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> result.toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ProtocolException
                    || e.getCause() instanceof org.apache.pekko.stream.scaladsl.Framing.FramingException, e.toString());
        }
    }
}
