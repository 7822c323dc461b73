package org.vnetlab.live.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Framing;
import org.apache.pekko.util.ByteString;
import org.vnetlab.core.json.JsonException;
import org.vnetlab.core.json.JsonReader;
import org.vnetlab.core.json.JsonWriter;
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

/**
 * Control messages to and from bytes. A frame is a 4-byte big-endian length and that many bytes of
 * a UTF-8 JSON object whose {@code type} names the message (iperf3's framing). Keys carry their units.
 * Decoding treats every frame as hostile: any missing, mistyped or out-of-range field is a
 * {@link ProtocolException} naming it.
 */
public final class ControlCodec {

    /** Bytes of the length prefix. */
    public static final int LENGTH_BYTES = 4;

    private ControlCodec() {
    }

    /**
     * The codec over the framing, for Pekko Streams: messages down to framed bytes (top), framed
     * bytes up to messages (bottom). A frame longer than {@code maxFrame} or one that does not decode
     * fails the stream.
     */
    public static BidiFlow<ControlMessage, ByteString, ByteString, ControlMessage, NotUsed> bidi(int maxFrame) {
        BidiFlow<ControlMessage, ByteString, ByteString, ControlMessage, NotUsed> codec = BidiFlow.fromFunctions(
                m -> ByteString.fromArrayUnsafe(encode(m)), b -> decode(b.toArray()));
        return codec.atop(Framing.simpleFramingProtocol(maxFrame));
    }

    /** The JSON body of a frame (without the length prefix). */
    public static byte[] encode(ControlMessage m) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (m instanceof Request r) {
            o.put("type", "request");
            o.put("version", r.version());
            TestSpec s = r.spec();
            o.put("transport", s.transport().key());
            o.put("protocol", s.ip().key());
            o.put("direction", s.direction().key());
            o.put("rate_bps", s.rate().bitsPerSecond());
            o.put("payload", s.payload());
            o.put("duration_ms", s.duration().toMillis());
        } else if (m instanceof ProbeRequest r) {
            o.put("type", "probe-request");
            o.put("version", r.version());
            ProbeSpec s = r.spec();
            o.put("protocol", s.ip().key());
            o.put("payload", s.payload());
            o.put("rate_bps", s.rate().bitsPerSecond());
            o.put("count", s.count());
            o.put("source_port", s.sourcePort());
        } else if (m instanceof Accepted a) {
            o.put("type", "accepted");
            o.put("test", a.testId());
            o.put("token", Long.toHexString(a.token()));
            o.put("data_port", a.dataPort());
        } else if (m instanceof Refused r) {
            o.put("type", "refused");
            o.put("reason", r.reason());
        } else if (m instanceof Start) {
            o.put("type", "start");
        } else if (m instanceof Started) {
            o.put("type", "started");
        } else if (m instanceof Interval i) {
            o.put("type", "interval");
            o.put("second", i.second());
            o.put("bytes", i.bytes());
            o.put("packets", i.packets());
        } else if (m instanceof Finish f) {
            o.put("type", "finish");
            o.put("packets", f.packets());
            o.put("bytes", f.bytes());
        } else if (m instanceof Report r) {
            o.put("type", "report");
            o.put("bytes", r.bytes());
            o.put("packets", r.packets());
            o.put("reordered", r.reordered());
            o.put("elapsed_ns", r.elapsedNanos());
            o.put("cpu_percent", new TreeMap<>(r.cpuPercent()));
        } else if (m instanceof Failed f) {
            o.put("type", "failed");
            o.put("reason", f.reason());
        }
        return JsonWriter.write(o).getBytes(StandardCharsets.UTF_8);
    }

    /** A frame's JSON body to its message. */
    public static ControlMessage decode(byte[] body) {
        Object parsed;
        try {
            parsed = JsonReader.parse(new String(body, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new ProtocolException("not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ProtocolException("a control frame is a JSON object");
        }
        Fields f = new Fields(map);
        String type = f.string("type");
        return switch (type) {
            case "request" -> new Request(f.integer("version", 0, Integer.MAX_VALUE), new TestSpec(
                    f.parsed("transport", Transport::fromKey), f.parsed("protocol", IpVersion::fromKey),
                    f.parsed("direction", ControlCodec::leg), new DataRate(f.number("rate_bps", 1, Long.MAX_VALUE)),
                    f.integer("payload", 1, Integer.MAX_VALUE),
                    Duration.ofMillis(f.number("duration_ms", 1, Long.MAX_VALUE))));
            case "probe-request" -> new ProbeRequest(f.integer("version", 0, Integer.MAX_VALUE), new ProbeSpec(
                    f.parsed("protocol", IpVersion::fromKey), f.integer("payload", 1, Integer.MAX_VALUE),
                    new DataRate(f.number("rate_bps", 1, Long.MAX_VALUE)), f.integer("count", 1, Integer.MAX_VALUE),
                    f.integer("source_port", 1, 65535)));
            case "accepted" -> new Accepted(f.number("test", 0, Long.MAX_VALUE),
                    f.parsed("token", Long::parseUnsignedLong, 16), f.integer("data_port", 1, 65535));
            case "refused" -> new Refused(f.string("reason"));
            case "start" -> new Start();
            case "started" -> new Started();
            case "interval" -> new Interval(f.integer("second", 0, Integer.MAX_VALUE),
                    f.number("bytes", 0, Long.MAX_VALUE), f.number("packets", 0, Long.MAX_VALUE));
            case "finish" -> new Finish(f.number("packets", 0, Long.MAX_VALUE), f.number("bytes", 0, Long.MAX_VALUE));
            case "report" -> new Report(f.number("bytes", 0, Long.MAX_VALUE), f.number("packets", 0, Long.MAX_VALUE),
                    f.number("reordered", 0, Long.MAX_VALUE), f.number("elapsed_ns", 0, Long.MAX_VALUE),
                    f.samples("cpu_percent"));
            case "failed" -> new Failed(f.string("reason"));
            default -> throw new ProtocolException("unknown message type '" + type + "'");
        };
    }

    private static Direction leg(String key) {
        Direction d = Direction.fromKey(key);
        if (d == Direction.TRADEOFF) {
            throw new IllegalArgumentException("a test runs one direction: rx or tx");
        }
        return d;
    }

    /** Typed, checked access to a decoded JSON object's fields. */
    private record Fields(Map<?, ?> map) {

        Object get(String key) {
            Object v = map.get(key);
            if (v == null) {
                throw new ProtocolException("missing field '" + key + "'");
            }
            return v;
        }

        String string(String key) {
            if (get(key) instanceof String s) {
                return s;
            }
            throw new ProtocolException("field '" + key + "' is not a string");
        }

        long number(String key, long min, long max) {
            if (!(get(key) instanceof Double d) || d != Math.rint(d) || d < min || d > max) {
                throw new ProtocolException("field '" + key + "' is not an integer in " + min + ".." + max);
            }
            return d.longValue();
        }

        int integer(String key, int min, int max) {
            return (int) number(key, min, max);
        }

        <T> T parsed(String key, java.util.function.Function<String, T> parse) {
            String s = string(key);
            try {
                return parse.apply(s);
            } catch (RuntimeException e) {
                throw new ProtocolException("field '" + key + "': " + e.getMessage());
            }
        }

        <T> T parsed(String key, java.util.function.BiFunction<String, Integer, T> parse, int radix) {
            return parsed(key, s -> parse.apply(s, radix));
        }

        Map<String, List<Double>> samples(String key) {
            if (!(get(key) instanceof Map<?, ?> m)) {
                throw new ProtocolException("field '" + key + "' is not an object");
            }
            Map<String, List<Double>> out = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof List<?> list)) {
                    throw new ProtocolException("field '" + key + "." + e.getKey() + "' is not a list");
                }
                List<Double> values = new ArrayList<>();
                for (Object v : list) {
                    if (!(v instanceof Double d)) {
                        throw new ProtocolException("field '" + key + "." + e.getKey() + "' holds a non-number");
                    }
                    values.add(d);
                }
                out.put(String.valueOf(e.getKey()), values);
            }
            return out;
        }
    }
}
