package org.vnetlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter files: model.* values and the fit block; everything else is a one-line error. */
class ParameterFileTest {

    /** The model's keys live in the simulator's reference.conf; one stands in for them here. */
    private static final ScenarioLoader LOADER = new ScenarioLoader(ConfigFactory
            .parseString("vnetlab.defaults.model.cost.bridge.per-packet-ns = 500")
            .withFallback(ConfigFactory.defaultReference(ParameterFileTest.class.getClassLoader())));
    private static final String FIT = """
            model {
              cost.bridge.per-packet-ns = 450
            }
            fit {
              dataset = "study"
              covers = [
                {scenario = "native", sets = [], protocols = ["ipv4"], transports = ["udp"], min-payload = 36, max-payload = 1470}
              ]
            }
            """;

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        Path p = dir.resolve("params.conf");
        Files.writeString(p, text);
        return p;
    }

    String error(String text) throws IOException {
        Path p = write(text);
        ConfigError e = assertThrows(ConfigError.class, () -> LOADER.load("native", List.of(), p));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(p + ":"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aFittedFileLoadsWithItsCoverage() throws IOException {
        Path p = write(FIT);
        assertEquals(450, LOADER.load("native", List.of(), p).scenario().parameters().get("cost.bridge.per-packet-ns"));
        FitCoverage fit = ParameterFile.read(p).fit().orElseThrow();
        assertEquals("study", fit.dataset());
        assertEquals(new FitCoverage.Entry("native", List.of(), List.of("ipv4"), List.of("udp"), 36, 1470),
                fit.covers().get(0));
    }

    @Test
    void aDirectoryOrAMissingFileIsNamedAsSuch() {
        assertEquals(dir + ": is a directory; give a parameter file (as `vnetlab calibrate` writes them)",
                assertThrows(ConfigError.class, () -> ParameterFile.read(dir)).getMessage());
        Path missing = dir.resolve("missing.conf");
        assertEquals(missing + ": no such parameter file",
                assertThrows(ConfigError.class, () -> ParameterFile.read(missing)).getMessage());
    }

    @Test
    void anUnknownModelKeyNamesItsLine() throws IOException {
        String m = error("model.cost.bridge.per-pakket-ns = 3\n");
        assertTrue(m.contains(":1: model.cost.bridge.per-pakket-ns: unknown key"), m);
    }

    @Test
    void anUnknownFitKeyIsAnErrorToo() throws IOException {
        String m = error(FIT.replace("dataset = \"study\"", "dataset = \"study\"\n  datasets = 2"));
        assertTrue(m.contains(":6: fit.datasets: unknown key"), m);
        String entry = error(FIT.replace("min-payload = 36", "min-payload = 36, protocol = x"));
        assertTrue(entry.contains(":7: fit.covers[0].protocol: unknown key"), entry);
        // a coverage naming nothing a run makes turned every note about it wrong
        assertTrue(error(FIT.replace("[\"ipv4\"]", "[\"ipv9\"]")).contains("fit.covers[0].protocols: 'ipv9' is not one"
                + " of ipv4, ipv6"));
        assertTrue(error(FIT.replace("[\"udp\"]", "[\"sctp\"]")).contains("fit.covers[0].transports: 'sctp' is not"));
        assertTrue(error(FIT.replace("max-payload = 1470", "max-payload = 99999999")).contains("<= 65507"));
    }

    @Test
    void aNegativeCostIsOutOfRange() throws IOException {
        String m = error("model.cost.bridge.per-packet-ns = -450\n");
        assertTrue(m.contains(":1: model.cost.bridge.per-packet-ns: out of range"), m);
    }

    @Test
    void aCostWithAUnitIsTheWrongType() throws IOException {
        String m = error("model.cost.bridge.per-packet-ns = 450 us\n");
        assertTrue(m.contains(":1: model.cost.bridge.per-packet-ns: expected a number"), m);
    }

    @Test
    void anyOtherTopLevelKeyIsRejected() throws IOException {
        String m = error("host.cpus = 4\n");
        assertTrue(m.contains(":1: host.cpus: a parameter file holds only model.* keys and a fit block"), m);
    }
}
