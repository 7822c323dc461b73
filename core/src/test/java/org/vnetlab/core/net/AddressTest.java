package org.vnetlab.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

    @Test
    void parsesAndPrintsBothFamiliesCanonically() {
        assertEquals("198.18.0.1", IpAddress.parse("198.18.0.1").toString());
        assertEquals(IpVersion.IPV4, IpAddress.parse("198.18.0.1").version());
        assertEquals("fd00::1", IpAddress.parse("fd00:0:0:0:0:0:0:1").toString());
        assertEquals("fd00::1", IpAddress.parse("[FD00::1]").toString());
        assertEquals("::", IpAddress.parse("::").toString());
        assertEquals("2001:db8::1:0:0:1", IpAddress.parse("2001:db8:0:0:1:0:0:1").toString());
        assertEquals(IpVersion.IPV6, IpAddress.parse("fd00::2").version());
        assertEquals(IpAddress.parse("fd00::2"), IpAddress.parse("fd00:0::2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.18.0", "256.1.1.1", "1.2.3.4.5", "a.b.c.d", "fd00:::1", "fd00::1::2",
            "1:2:3:4:5:6:7:8:9", "12345::1", "example.com", ""})
    void rejectsWhatIsNotALiteral(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(text));
    }

    @Test
    void macAddressesRoundTrip() {
        assertEquals("00:16:3e:00:00:01", MacAddress.parse("00:16:3E:00:00:01").toString());
        assertEquals(MacAddress.parse("00:16:3e:00:00:02"), MacAddress.xen(2));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("00:16:3e:00:00"));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("00:16:3e:00:00:zz"));
    }
}
