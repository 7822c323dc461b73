package org.vnetlab.live.data;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts hostile or broken input by kind, for the server's lifetime. Counting is lock-free so data
 * threads can count at line rate. Counts are logged at DEBUG, hostile control-plane kinds at WARN, each
 * kind at most once a second with its detail (escaped and cut, {@link ClientText}); the rest of
 * that second is one summary line, written by the next count or by {@link #flushLog()}.
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
        /** A datagram carrying the token of a test that has ended, or a sequence number its test took already. */
        REPLAYED_TOKEN(false),
        /** A datagram with a live token from an address that is not the test's client. */
        WRONG_SOURCE(false),
        /** A control connection over max-connections, or over max-connections-per-address from its address. */
        TOO_MANY_CONNECTIONS(true),
        /** A request refused by a limit or for want of memory (the reason goes back to the client). */
        REFUSED_REQUEST(false);

        /** Logged at WARN (else at DEBUG): what the control plane rejects as hostile or broken. */
        private final boolean warn;

        Kind(boolean warn) {
            this.warn = warn;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLongArray counts = new AtomicLongArray(Kind.values().length);
    /** Per kind: the second (of System.nanoTime) of the last line logged with a detail. */
    private final AtomicLongArray loggedSecond = new AtomicLongArray(Kind.values().length);
    /** Per kind: counts since that line that were not logged. */
    private final AtomicLongArray unlogged = new AtomicLongArray(Kind.values().length);

    public Rejections() {
        for (int i = 0; i < loggedSecond.length(); i++) {
            loggedSecond.set(i, Long.MIN_VALUE);
        }
    }

    /** Counts one occurrence; {@code detail} says where it came from, for the log. */
    public void count(Kind kind, Object detail) {
        int k = kind.ordinal();
        counts.incrementAndGet(k);
        if (!(kind.warn ? LOG.isWarnEnabled() : LOG.isDebugEnabled())) {
            return;
        }
        long second = System.nanoTime() / SECOND;
        long last = loggedSecond.get(k);
        if (second == last || !loggedSecond.compareAndSet(k, last, second)) {
            unlogged.incrementAndGet(k);
            return;
        }
        summarise(kind);
        log(kind, "rejected {}: {}", kind.key(), ClientText.of(detail));
    }

    /** Writes the summary line of every kind with counts not logged in a second that is over. */
    public void flushLog() {
        long second = System.nanoTime() / SECOND;
        for (Kind kind : Kind.values()) {
            if (loggedSecond.get(kind.ordinal()) != second) {
                summarise(kind);
            }
        }
    }

    private void summarise(Kind kind) {
        long more = unlogged.getAndSet(kind.ordinal(), 0);
        if (more > 0) {
            log(kind, "rejected {} more {} (one line a second per kind)", more, kind.key());
        }
    }

    private static void log(Kind kind, String format, Object a, Object b) {
        if (kind.warn) {
            LOG.warn(format, a, b);
        } else {
            LOG.debug(format, a, b);
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
