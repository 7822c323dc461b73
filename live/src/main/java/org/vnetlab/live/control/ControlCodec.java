package org.vnetlab.live.control;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Framing;
import org.apache.pekko.util.ByteString;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.text.Json;
import org.vnetlab.core.text.JsonInput;
import org.vnetlab.core.text.JsonInputException;
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

    /** The JSON body of a frame (without the length prefix), compact, keys in a fixed order. */
    public static byte[] encode(ControlMessage m) {
        return Json.compact(g -> {
            g.writeStartObject();
            fields(g, m);
            g.writeEndObject();
        }).getBytes(StandardCharsets.UTF_8);
    }

    private static void fields(JsonGenerator g, ControlMessage m) throws IOException {
        if (m instanceof Request r) {
            g.writeStringField("type", "request");
            g.writeNumberField("version", r.version());
            TestSpec s = r.spec();
            g.writeStringField("transport", s.transport().key());
            g.writeStringField("protocol", s.ip().key());
            g.writeStringField("direction", s.direction().key());
            g.writeNumberField("rate_bps", s.rate().bitsPerSecond());
            g.writeNumberField("payload", s.payload());
            g.writeNumberField("duration_ms", s.duration().toMillis());
        } else if (m instanceof ProbeRequest r) {
            g.writeStringField("type", "probe-request");
            g.writeNumberField("version", r.version());
            ProbeSpec s = r.spec();
            g.writeStringField("protocol", s.ip().key());
            g.writeNumberField("payload", s.payload());
            g.writeNumberField("rate_bps", s.rate().bitsPerSecond());
            g.writeNumberField("count", s.count());
            g.writeNumberField("source_port", s.sourcePort());
        } else if (m instanceof Accepted a) {
            g.writeStringField("type", "accepted");
            g.writeNumberField("test", a.testId());
            g.writeStringField("token", Long.toHexString(a.token()));
            g.writeNumberField("data_port", a.dataPort());
        } else if (m instanceof Refused r) {
            g.writeStringField("type", "refused");
            g.writeStringField("reason", r.reason());
        } else if (m instanceof Start) {
            g.writeStringField("type", "start");
        } else if (m instanceof Started) {
            g.writeStringField("type", "started");
        } else if (m instanceof Interval i) {
            g.writeStringField("type", "interval");
            g.writeNumberField("second", i.second());
            g.writeNumberField("bytes", i.bytes());
            g.writeNumberField("packets", i.packets());
        } else if (m instanceof Finish f) {
            g.writeStringField("type", "finish");
            g.writeNumberField("packets", f.packets());
            g.writeNumberField("bytes", f.bytes());
        } else if (m instanceof Report r) {
            g.writeStringField("type", "report");
            g.writeNumberField("bytes", r.bytes());
            g.writeNumberField("packets", r.packets());
            g.writeNumberField("reordered", r.reordered());
            g.writeNumberField("elapsed_ns", r.elapsedNanos());
            g.writeObjectFieldStart("cpu_percent");
            for (Map.Entry<String, List<Double>> e : new TreeMap<>(r.cpuPercent()).entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (double v : e.getValue()) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } else if (m instanceof Failed f) {
            g.writeStringField("type", "failed");
            g.writeStringField("reason", f.reason());
        }
    }

    /** A frame's JSON body to its message. */
    public static ControlMessage decode(byte[] body) {
        Fields f;
        try {
            f = JsonInput.read(body, Fields::read);
        } catch (JsonInputException e) {
            throw new ProtocolException("not a control frame: " + e.getMessage());
        }
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

    /**
     * A frame's fields, read whatever their order: strings, integers (as {@code Long}), fractions
     * (as {@code Double}) and the report's CPU samples; other containers are passed over. The
     * checks of each field's type and range come when a message takes it.
     */
    private static final class Fields {
        private static final String SAMPLES = "cpu_percent";

        private final Map<String, Object> values = new HashMap<>();
        private Map<String, List<Double>> samples;

        static Fields read(JsonInput in) {
            Fields f = new Fields();
            in.object("a control frame", key -> f.take(in, key));
            return f;
        }

        private void take(JsonInput in, String key) {
            if (key.equals(SAMPLES)) {
                samples = new TreeMap<>();
                in.object(key, source -> {
                    List<Double> list = new ArrayList<>();
                    in.array(key + "." + source, () -> list.add(in.number(key + "." + source)));
                    samples.put(source, list);
                });
            } else if (in.isString()) {
                values.put(key, in.string(key));
            } else if (in.isInteger()) {
                values.put(key, in.integer(key, Long.MIN_VALUE, Long.MAX_VALUE));
            } else if (in.isNumber()) {
                values.put(key, in.number(key));
            } else {
                in.skip();
            }
        }

        Object get(String key) {
            Object v = values.get(key);
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
            if (!(get(key) instanceof Long v) || v < min || v > max) {
                throw new ProtocolException("field '" + key + "' is not an integer in " + min + ".." + max);
            }
            return v;
        }

        int integer(String key, int min, int max) {
            return (int) number(key, min, max);
        }

        <T> T parsed(String key, Function<String, T> parse) {
            String s = string(key);
            try {
                return parse.apply(s);
            } catch (RuntimeException e) {
                throw new ProtocolException("field '" + key + "': " + e.getMessage());
            }
        }

        <T> T parsed(String key, BiFunction<String, Integer, T> parse, int radix) {
            return parsed(key, s -> parse.apply(s, radix));
        }

        Map<String, List<Double>> samples(String key) {
            if (samples == null) {
                throw new ProtocolException("missing field '" + key + "'");
            }
            return samples;
        }
    }
}
