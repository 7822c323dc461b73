package org.vnetlab.live.data;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts hostile or broken input by kind, for the server's lifetime. Counting is lock-free so data
 * threads can count at line rate; every count is logged at DEBUG, and control-plane kinds at WARN.
 */
public final class Rejections {

    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

    /** What was wrong with the input. */
    public enum Kind {
        /** A control frame that is too long, not JSON, or not a valid message. */
        MALFORMED_FRAME(true),
        /** A control connection quiet past the idle timeout, or not reading what the server sends. */
        STALLED_CONTROL(true),
        /** A control connection closed while its test was accepted or running. */
        DISCONNECTED_MID_TEST(true),
        /** A data connection with the wrong token or from another address. */
        BAD_DATA_CONNECTION(true),
        /** A datagram shorter than the test's payload (a truncated header among them). */
        TRUNCATED_DATAGRAM(false),
        /** A datagram longer than the test's payload. */
        OVERSIZED_DATAGRAM(false),
        /** A datagram whose token belongs to no live test. */
        WRONG_TOKEN(false),
        /** A datagram carrying the token of a test that has ended. */
        REPLAYED_TOKEN(false),
        /** A datagram with a live token from an address that is not the test's client. */
        WRONG_SOURCE(false);

        private final boolean control;

        Kind(boolean control) {
            this.control = control;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final AtomicLongArray counts = new AtomicLongArray(Kind.values().length);

    /** Counts one occurrence; {@code detail} says where it came from, for the log. */
    public void count(Kind kind, Object detail) {
        counts.incrementAndGet(kind.ordinal());
        if (kind.control) {
            LOG.warn("rejected {}: {}", kind.key(), detail);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("rejected {}: {}", kind.key(), detail);
        }
    }

    public long count(Kind kind) {
        return counts.get(kind.ordinal());
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** The non-zero counts, in declaration order. */
    public Map<Kind, Long> snapshot() {
        Map<Kind, Long> m = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            long c = count(k);
            if (c > 0) {
                m.put(k, c);
            }
        }
        return m;
    }
}
