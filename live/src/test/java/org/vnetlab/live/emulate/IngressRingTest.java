package org.vnetlab.live.emulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ingress ring's slots, and one line instead of an OutOfMemoryError when its memory cannot be had. */
class IngressRingTest {

    @Test
    void eachSlotKeepsItsOwnDatagram() {
        IngressRing ring = new IngressRing(4, 16);
        for (int n = 1; n <= 3; n++) {
            ByteBuffer b = ring.claim();
            assertEquals(16, b.remaining(), "a slot is slot-bytes long");
            for (int i = 0; i < n; i++) {
                b.put((byte) n);
            }
            ring.publish(new InetSocketAddress(n), n);
        }
        for (long seq = 0; seq < 3; seq++) {
            assertEquals(seq + 1, ring.lengthOf(seq));
            ByteBuffer bytes = ring.bytesOf(seq);
            while (bytes.hasRemaining()) {
                assertEquals(seq + 1, bytes.get());
            }
            assertEquals(new InetSocketAddress((int) seq + 1), ring.sourceOf(seq));
        }
    }

    @Test
    void moreThanOneBufferHoldsIsOneLine() {
        IngressRing.TooLarge e = assertThrows(IngressRing.TooLarge.class, () -> new IngressRing(1 << 20, 2048));
        assertEquals("the emulator's ingress ring needs 2048 MiB of direct memory (1048576 slots of 2048 B), more than"
                + " one buffer holds (2 GiB)", e.getMessage());
    }

    @Test
    void moreThanTheJvmAllowsIsOneLine() throws Exception {
        // a JVM of its own with little direct memory: this one's limit is the heap's, and filling it is no test
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxDirectMemorySize=16m", "-cp", classPath, SixtyFourMiB.class.getName())
                .redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals("the emulator's ingress ring needs 64 MiB of direct memory (16384 slots of 4096 B), more than"
                    + " the JVM allows (-XX:MaxDirectMemorySize)\n", output);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    /** Asks for a 64 MiB ring and prints why it got none. */
    public static final class SixtyFourMiB {
        public static void main(String[] args) {
            try {
                new IngressRing(16384, 4096);
                System.out.println("allocated");
            } catch (IngressRing.TooLarge e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
