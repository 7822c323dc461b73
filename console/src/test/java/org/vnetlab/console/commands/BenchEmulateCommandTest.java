package org.vnetlab.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.console.cli.Cli;

/** bench emulate's --payload: it must fit the scenario's link, and its ring the JVM's memory; one line otherwise. */
class BenchEmulateCommandTest {

    @Test
    void aPayloadAboveTheLinksMtuIsAOneLineUsageError() {
        EmulateCommandTest.Run max = EmulateCommandTest.run("bench", "emulate", "--payload", "65507", "--seconds", "1");
        assertEquals(Cli.USAGE, max.code());
        assertEquals(List.of("vnetlab: bench emulate: --payload 65507: payload 65507 B does not fit MTU 1500 over"
                + " ipv4/udp; at most 1472 B (the link of native)"), max.err().lines().toList());
        EmulateCommandTest.Run one = EmulateCommandTest.run("bench", "emulate", "--payload", "1473", "--seconds", "1");
        assertEquals(Cli.USAGE, one.code());
        assertTrue(one.err().contains("at most 1472 B"), one.err());
    }

    @Test
    void thePayloadAtTheMtuRuns() {
        EmulateCommandTest.Run r = EmulateCommandTest.run("bench", "emulate", "--payload", "1472", "--rate", "2000",
                "--seconds", "1");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("native with zero CPU costs, 1472 B datagrams offered at 2000/s"), r.out());
    }

    @Test
    void aRingTooLargeForMemoryIsOneLineNamingWhatToChange(@TempDir Path dir) throws Exception {
        Path jumbo = Files.writeString(dir.resolve("jumbo.conf"), "extends = native\nname = jumbo\nlink.mtu = 65535\n");
        System.setProperty("vnetlab.emulator.slots", String.valueOf(1 << 16));
        ConfigFactory.invalidateCaches();
        try {
            EmulateCommandTest.Run r = EmulateCommandTest.run("bench", "emulate", "--scenario", jumbo.toString(),
                    "--payload", "65507", "--seconds", "1");
            assertEquals(Cli.USAGE, r.code(), r.err());
            assertEquals(List.of("vnetlab: bench emulate: --payload 65507: the emulator's ingress ring needs 4094 MiB"
                    + " of direct memory (65536 slots of 65508 B), more than one buffer holds (2 GiB); give a smaller"
                    + " --payload or fewer vnetlab.emulator.slots"), r.err().lines().toList());
        } finally {
            System.clearProperty("vnetlab.emulator.slots");
            ConfigFactory.invalidateCaches();
        }
    }
}
