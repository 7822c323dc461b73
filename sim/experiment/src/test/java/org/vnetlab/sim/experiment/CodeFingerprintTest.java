package org.vnetlab.sim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint moves with the simulation's code and resources, and with nothing else. */
class CodeFingerprintTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void aChangedModelClassOrDefaultChangesItAndAConsoleClassDoesNot() throws Exception {
        file("org/vnetlab/sim/net/Bridge.class", "bridge v1");
        file("reference.conf", "cost = 1");
        String first = CodeFingerprint.of(List.of(dir));
        assertEquals(first, CodeFingerprint.of(List.of(dir)), "stable");

        file("org/vnetlab/console/Main.class", "console");
        file("META-INF/MANIFEST.MF", "built at noon");
        assertEquals(first, CodeFingerprint.of(List.of(dir)), "the console and the build's metadata do not count");

        Path bridge = file("org/vnetlab/sim/net/Bridge.class", "bridge v2");
        assertNotEquals(first, CodeFingerprint.of(List.of(dir)), "a model class");
        Files.writeString(bridge, "bridge v1");
        assertEquals(first, CodeFingerprint.of(List.of(dir)));
        file("reference.conf", "cost = 2");
        assertNotEquals(first, CodeFingerprint.of(List.of(dir)), "a default");
    }

    @Test
    void thisProgramHasOne() {
        assertEquals(64, CodeFingerprint.current().length());
        assertEquals(CodeFingerprint.current(), CodeFingerprint.current());
    }
}
