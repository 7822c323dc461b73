package org.vnetlab.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameOrderTest {

    @Test
    void guestsComeInTheOrderTheyWereNumbered() {
        List<String> names = new ArrayList<>(List.of("domU10", "domU2", "dom0", "domU1", "domU64", "domU9"));
        names.sort(NameOrder.INSTANCE);
        assertEquals(List.of("dom0", "domU1", "domU2", "domU9", "domU10", "domU64"), names);
    }

    @Test
    void traceNamesOrderByTheirGuestsNumberThenByText() {
        List<String> names = new ArrayList<>(List.of("domU10.vif.qdisc.drop", "host.nic.rx.drop",
                "domU2.vif.qdisc.drop", "domU2.socket.rx.drop"));
        names.sort(NameOrder.INSTANCE);
        assertEquals(List.of("domU2.socket.rx.drop", "domU2.vif.qdisc.drop", "domU10.vif.qdisc.drop",
                "host.nic.rx.drop"), names);
    }

    @Test
    void namesEqualAsNumbersButNotAsTextStayApart() {
        assertNotEquals(0, NameOrder.INSTANCE.compare("domU01", "domU1"));
        assertEquals(-NameOrder.INSTANCE.compare("domU01", "domU1"), NameOrder.INSTANCE.compare("domU1", "domU01"));
        assertEquals(0, NameOrder.INSTANCE.compare("ctx3", "ctx3"));
    }

    @Test
    void aPointKeepsItsDomainsInThatOrder() {
        Point p = Point.builder().transport("udp").protocol("ipv4").direction("rx").payload(36).guest("domU1")
                .cpuPercent(Map.of("domU10", 1.0, "domU2", 2.0, "dom0", 3.0)).build();
        assertEquals(List.of("dom0", "domU2", "domU10"), List.copyOf(p.cpuPercent().keySet()));
    }
}
