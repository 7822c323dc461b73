package org.vnetlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
        assertEquals(dir.resolve("twice.csv") + ":2: the same quantity as line 1 (platform, protocol,"
                + " direction, metric); give each once", m);
        // under another table's name it would be checked twice, with conflicting values
        assertTrue(error("tables.csv", (ROW + ROW.replace("table1", "table7").replace("936", "5"))
                .getBytes(StandardCharsets.UTF_8)).endsWith(":2: the same quantity as line 1 (platform, protocol,"
                + " direction, metric); give each once"));
    }

    /** Java's own number syntax took 0x1.d4p9 and 936f; an escape sequence in a table's name reached the terminal. */
    @Test
    void aValueIsADecimalNumberAndATableANameOfItsOwn() throws IOException {
        for (String[] bad : new String[][] {{"936", "0x1.d4p9", "value: '0x1.d4p9' is not a decimal number"},
            {"936", "936f", "is not a decimal number"}, {"936", "Infinity", "is not a decimal number"},
            {"936", "1e-320", "is out of range (at least 1.0E-6 Mbit/s"},
            {"table1", "RED\u001b[31mRED", "table: 'RED\\u001b[31mRED' is not a table's name"},
            {"table1", "\"table1\"", "is not a table's name"}, {"table1", "", "is not a table's name"}}) {
            String m = error("bad.csv", ROW.replace(bad[0], bad[1]).getBytes(StandardCharsets.UTF_8));
            assertTrue(m.contains(bad[2]), bad[1] + ": " + m);
        }
    }
}
