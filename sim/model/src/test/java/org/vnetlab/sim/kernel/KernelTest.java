package org.vnetlab.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelTest {

    private static Event recorder(Kernel k, List<String> log, String name) {
        return new Event(name) {
            @Override
            protected void fire() {
                log.add(name + "@" + k.now());
            }
        };
    }

    @Test
    void firesInTimeOrderAndEqualTimesInSchedulingOrder() {
        Kernel k = new Kernel();
        List<String> log = new ArrayList<>();
        Event a = recorder(k, log, "a");
        Event b = recorder(k, log, "b");
        Event c = recorder(k, log, "c");
        Event d = recorder(k, log, "d");
        k.scheduleAt(c, 30);
        k.scheduleAt(a, 10);
        k.scheduleAt(b, 10);
        k.scheduleAt(d, 20);
        k.runUntil(100);
        assertEquals(List.of("a@10", "b@10", "d@20", "c@30"), log);
        assertEquals(100, k.now());
    }

    @Test
    void cancelAndRescheduleMoveAnEvent() {
        Kernel k = new Kernel();
        List<String> log = new ArrayList<>();
        Event a = recorder(k, log, "a");
        Event b = recorder(k, log, "b");
        k.scheduleAt(a, 10);
        k.scheduleAt(b, 20);
        k.scheduleAt(a, 30);
        k.cancel(b);
        assertFalse(b.isScheduled());
        k.runUntil(50);
        assertEquals(List.of("a@30"), log);
        assertThrows(IllegalArgumentException.class, () -> k.scheduleAt(a, 10));
    }

    @Test
    void manyEventsComeOutSorted() {
        Kernel k = new Kernel();
        List<Long> times = new ArrayList<>();
        RandomStream r = new RandomStream(7, "test");
        for (int i = 0; i < 5000; i++) {
            Event e = new Event("test") {
                @Override
                protected void fire() {
                    times.add(k.now());
                }
            };
            k.scheduleAt(e, (long) (r.nextDouble() * 1_000_000));
        }
        k.runUntil(Long.MAX_VALUE - 1);
        assertEquals(5000, times.size());
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i) < times.get(i - 1));
        }
    }

    /**
     * Events that re-schedule themselves while firing (later, at once, or after cancelling
     * themselves) among others scheduled and cancelled meanwhile fire exactly in the order of a
     * plain sorted set of (time, scheduling order) keys, and look unscheduled while they fire.
     */
    @Test
    void eventsReschedulingThemselvesWhileFiringFireInKeyOrder() {
        Kernel k = new Kernel();
        java.util.TreeMap<long[], Event> expected = new java.util.TreeMap<>(
                java.util.Comparator.<long[]>comparingLong(key -> key[0]).thenComparingLong(key -> key[1]));
        java.util.Map<Event, long[]> keys = new java.util.HashMap<>();
        long[] sequence = {0};
        RandomStream r = new RandomStream(3, "test");
        List<Event> events = new ArrayList<>();
        int[] fired = {0};
        java.util.function.BiConsumer<Event, Long> schedule = (e, at) -> {
            java.util.Optional.ofNullable(keys.remove(e)).ifPresent(expected::remove);
            long[] key = {at, sequence[0]++};
            keys.put(e, key);
            expected.put(key, e);
            k.scheduleAt(e, at);
        };
        java.util.function.Consumer<Event> cancel = e -> {
            java.util.Optional.ofNullable(keys.remove(e)).ifPresent(expected::remove);
            k.cancel(e);
        };
        for (int i = 0; i < 50; i++) {
            events.add(new Event("e" + i) {
                @Override
                protected void fire() {
                    assertFalse(isScheduled());
                    assertEquals(this, expected.pollFirstEntry().getValue());
                    keys.remove(this);
                    if (++fired[0] >= 5000) {
                        return;
                    }
                    double u = r.nextDouble();
                    Event other = events.get((int) (r.nextDouble() * events.size()));
                    if (u < 0.4) {
                        schedule.accept(this, k.now() + (long) (r.nextDouble() * 100));
                    } else if (u < 0.6) {
                        schedule.accept(this, k.now());
                        cancel.accept(this);
                        schedule.accept(this, k.now() + (long) (r.nextDouble() * 3));
                    } else if (u < 0.8) {
                        schedule.accept(other, k.now() + (long) (r.nextDouble() * 3));
                        schedule.accept(this, k.now() + (long) (r.nextDouble() * 3));
                    } else {
                        cancel.accept(other);
                        schedule.accept(this, k.now() + (long) (r.nextDouble() * 100));
                    }
                }
            });
        }
        for (Event e : events) {
            schedule.accept(e, (long) (r.nextDouble() * 100));
        }
        k.runUntil(Long.MAX_VALUE - 1);
        assertTrue(fired[0] >= 5000, fired[0] + " fired");
        assertEquals(0, expected.size());
    }

    @Test
    void namedStreamsAreIndependentAndRepeatable() {
        assertEquals(new RandomStream(1, "nic").nextLong(), new RandomStream(1, "nic").nextLong());
        assertFalse(new RandomStream(1, "nic").nextLong() == new RandomStream(1, "cpu").nextLong());
        assertFalse(new RandomStream(1, "nic").nextLong() == new RandomStream(2, "nic").nextLong());
    }
}
