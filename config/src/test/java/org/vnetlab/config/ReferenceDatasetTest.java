package org.vnetlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDatasetTest {

    private static final String ROW = "table1,native,ipv4,rx,tcp_throughput,936,Mbit/s\n";

    @TempDir
    Path dir;

    private String error(String name, byte[] bytes) throws IOException {
        Path f = Files.write(dir.resolve(name), bytes);
        return assertThrows(ConfigError.class, () -> ReferenceDataset.read(f)).getMessage();
    }

    @Test
    void aHeaderLineOutsideACommentSaysSo() throws IOException {
        String m = error("hdr.csv", ("table,platform,protocol,direction,metric,value,unit\n" + ROW)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(dir.resolve("hdr.csv") + ":1: a header line must be a comment:"
                + " # table,platform,protocol,direction,metric,value,unit", m);
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws IOException {
        assertEquals(dir.resolve("bin.csv") + ": not UTF-8 text (a .csv of published values is UTF-8)",
                error("bin.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, (byte) 0xc3}));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Path f = Files.writeString(dir.resolve("bom.csv"), "\uFEFF" + ROW);
        assertEquals("table1", ReferenceDataset.read(f).values().get(0).table());
    }

    @Test
    void oneQuantityGivenTwiceIsRefused() throws IOException {
        String m = error("twice.csv", (ROW + ROW.replace("936", "900")).getBytes(StandardCharsets.UTF_8));
        assertEquals(dir.resolve("twice.csv") + ":2: the same quantity as line 1 (table, platform, protocol,"
                + " direction, metric); give each once", m);
    }
}
