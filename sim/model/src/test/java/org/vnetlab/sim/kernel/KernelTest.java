package org.vnetlab.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void namedStreamsAreIndependentAndRepeatable() {
        assertEquals(new RandomStream(1, "nic").nextLong(), new RandomStream(1, "nic").nextLong());
        assertFalse(new RandomStream(1, "nic").nextLong() == new RandomStream(1, "cpu").nextLong());
        assertFalse(new RandomStream(1, "nic").nextLong() == new RandomStream(2, "nic").nextLong());
    }
}
