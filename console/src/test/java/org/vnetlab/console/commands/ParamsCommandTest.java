package org.vnetlab.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vnetlab.console.cli.Cli;

/** vnetlab params lists every parameter with its provenance, and docs/MODEL.md shows the same table. */
class ParamsCommandTest {

    @Test
    void docsShowTheTableTheCommandPrints() throws Exception {
        EmulateCommandTest.Run r = EmulateCommandTest.run("params", "--markdown");
        assertEquals(Cli.OK, r.code(), r.err());
        String doc = Files.readString(Path.of("../docs/MODEL.md"));
        int from = doc.indexOf("<!-- params:begin -->\n") + "<!-- params:begin -->\n".length();
        int to = doc.indexOf("<!-- params:end -->");
        assertEquals(r.out(), doc.substring(from, to),
                "docs/MODEL.md's parameter table is stale: replace it with `vnetlab params --markdown`");
    }

    @Test
    void everyRowHasADefaultARangeAndAKnownProvenance() {
        EmulateCommandTest.Run r = EmulateCommandTest.run("params", "--markdown");
        long rows = r.out().lines().skip(2).peek(line -> {
            String[] cells = line.split(" \\| ");
            assertEquals(6, cells.length, line);
            assertTrue(cells[4].matches("code|published|derived|prior|fitted|setting|engine"), line);
            assertTrue(cells[2].contains(" to ") || cells[2].equals("true or false"), line);
            // a plausible range is given exactly where no fit or source pins the value
            assertEquals(cells[4].matches("published|prior"), cells[3].contains(" to "), line);
        }).count();
        assertTrue(rows > 50, r.out());
    }
}
