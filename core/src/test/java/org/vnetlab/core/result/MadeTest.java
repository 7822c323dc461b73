package org.vnetlab.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.text.JsonInputException;

/** A result file that says how it was made: written, read back, described; files without it unchanged. */
class MadeTest {

    private static final Result PLAIN = new Result("sim", "xen-double", 1, "0.1.0", "defaults", List.of(
            Point.builder().transport("udp").protocol("ipv4").direction("rx").payload(36).guest("domU1")
                    .throughputMbps(17.0).build()));

    @Test
    void madeIsWrittenReadBackAndDescribed() {
        Made how = new Made(List.of("xen.domUs=4", "host.cpus=4"), 3, 0.5, List.of(36, 1470));
        Result r = PLAIN.withMade(how);
        String json = ResultJson.write(r);
        assertTrue(json.contains("\"made\""), json);
        assertTrue(json.indexOf("\"made\"") < json.indexOf("\"points\""), "made comes before the points");
        assertEquals(r, ResultJson.read(json));
        assertEquals("--set xen.domUs=4, --set host.cpus=4, 3 trials of 0.5 s, sizes 36,1470", how.describe());
        assertEquals("1 trial of 10 s", new Made(List.of(), 1, 10, List.of()).describe());
    }

    @Test
    void anExactRunSaysSoAndATrainsRunKeepsItsBytes() {
        Made exact = new Made(List.of(), 1, 0.1, List.of(), true);
        String json = ResultJson.write(PLAIN.withMade(exact));
        assertTrue(json.contains("\"exact\": true"), json);
        assertEquals(exact, ResultJson.read(json).made());
        assertEquals("1 trial of 0.1 s, exact", exact.describe());
        assertFalse(ResultJson.write(PLAIN.withMade(new Made(List.of(), 1, 0.1, List.of()))).contains("exact"));
        String wrong = json.replace("\"exact\": true", "\"exact\": 1");
        JsonInputException e = assertThrows(JsonInputException.class, () -> ResultJson.read(wrong));
        assertTrue(e.getMessage().contains("'made.exact' must be true or false"), e.getMessage());
    }

    @Test
    void aResultWithoutMadeKeepsItsBytes() {
        String json = ResultJson.write(PLAIN);
        assertFalse(json.contains("made"), json);
        assertNull(ResultJson.read(json).made());
    }

    @Test
    void anIncompleteMadeIsAnErrorNamingIt() {
        String json = ResultJson.write(PLAIN).replace("\"points\"", "\"made\": {\"sets\": []},\n  \"points\"");
        JsonInputException e = assertThrows(JsonInputException.class, () -> ResultJson.read(json));
        assertTrue(e.getMessage().contains("'made' needs 'trials' and 'duration_s'"), e.getMessage());
    }
}
