package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifiesTest {

    @Test
    void theGuestServedFirstIsNotifiedLast() {
        Notifies<String> n = new Notifies<>();
        n.add("domU1");
        n.add("domU2");
        n.add("domU3");
        List<String> sent = new ArrayList<>();
        n.send(sent::add, () -> true);
        assertEquals(List.of("domU3", "domU2", "domU1"), sent);
        assertTrue(n.isEmpty());
    }

    @Test
    void aNotifyThatCostsDom0ItsCpuHoldsTheRestUntilItRunsAgain() {
        Notifies<String> n = new Notifies<>();
        n.add("domU1");
        n.add("domU2");
        List<String> sent = new ArrayList<>();
        boolean[] held = {false};
        n.send(sent::add, () -> held[0]);
        assertEquals(List.of("domU2"), sent, "switched out at the first hypercall's exit");
        assertFalse(n.isEmpty());
        held[0] = true;
        n.send(sent::add, () -> held[0]);
        assertEquals(List.of("domU2", "domU1"), sent);
        assertTrue(n.isEmpty());
    }
}
