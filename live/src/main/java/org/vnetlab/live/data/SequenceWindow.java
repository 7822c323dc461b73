package org.vnetlab.live.data;

import java.util.Arrays;

/**
 * The sequence numbers a receiver has taken, remembered for the {@value #SIZE} below the highest:
 * tells a datagram that is new (in order or late) from one seen before. A datagram older than the
 * window cannot be told from a replay and is refused with them. Allocation-free; one thread.
 */
final class SequenceWindow {

    /** Sequence numbers remembered below the highest (a power of two). */
    static final int SIZE = 1 << 16;
    private static final int MASK = SIZE - 1;

    /** What a sequence number is to the receiver. */
    enum Verdict {
        /** Higher than any before. */
        IN_ORDER,
        /** Lower than one before, and not seen. */
        LATE,
        /** Seen before, or too old to tell. */
        REPEATED
    }

    private final long[] seen = new long[SIZE / Long.SIZE];
    private long highest = -1;

    /** Takes {@code seq} (>= 0) and says what it is. */
    Verdict take(long seq) {
        if (seq > highest) {
            forget(highest + 1, seq);
            highest = seq;
            mark(seq);
            return Verdict.IN_ORDER;
        }
        if (highest - seq >= SIZE || isMarked(seq)) {
            return Verdict.REPEATED;
        }
        mark(seq);
        return Verdict.LATE;
    }

    /** Clears the slots that sequence numbers {@code from..to} take over from older ones. */
    private void forget(long from, long to) {
        if (to - from >= SIZE) {
            Arrays.fill(seen, 0);
            return;
        }
        for (long s = from; s <= to; ) {
            int slot = (int) (s & MASK);
            if ((slot & (Long.SIZE - 1)) == 0 && to - s >= Long.SIZE - 1) {
                seen[slot >>> 6] = 0;   // a whole word at once
                s += Long.SIZE;
            } else {
                seen[slot >>> 6] &= ~(1L << slot);
                s++;
            }
        }
    }

    private void mark(long seq) {
        int slot = (int) (seq & MASK);
        seen[slot >>> 6] |= 1L << slot;
    }

    private boolean isMarked(long seq) {
        int slot = (int) (seq & MASK);
        return (seen[slot >>> 6] & (1L << slot)) != 0;
    }
}
