package org.vnetlab.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.console.cli.UsageError;

/** --bind takes the wildcard, loopback and this host's own addresses, and refuses the rest naming the flag. */
class BindAddressTest {

    @Test
    void theWildcardsLoopbackAndTheHostsNamesAreAccepted() throws Exception {
        for (String ok : List.of("::", "0.0.0.0", "127.0.0.1", "127.0.0.2", "::1", "localhost")) {
            assertEquals(InetAddress.getByName(ok), BindAddress.parse("measure server", ok), ok);
        }
    }

    @Test
    void anEmptyValueIsRefusedRatherThanTakenForLocalhost() {
        assertEquals("measure server: --bind is empty; give an address of this host, or :: or 0.0.0.0 for all of"
                + " them", assertThrows(UsageError.class, () -> BindAddress.parse("measure server", " ")).getMessage());
    }

    @Test
    void anAddressWithAPortOrOfAnotherHostIsRefused() throws Exception {
        assertEquals("measure reflect: --bind '10.0.0.1:5201': an address takes no port (the port is --port); give"
                + " an address of this host, or :: or 0.0.0.0 for all of them", assertThrows(UsageError.class,
                () -> BindAddress.parse("measure reflect", "10.0.0.1:5201")).getMessage());
        // TEST-NET-1 (RFC 5737): on no machine's interface
        assertFalse(BindAddress.isOfThisHost(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1})));
        assertThrows(UsageError.class, () -> BindAddress.parse("measure server", "192.0.2.1"));
    }
}
