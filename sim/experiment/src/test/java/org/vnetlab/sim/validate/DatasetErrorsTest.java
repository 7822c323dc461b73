package org.vnetlab.sim.validate;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.config.ConfigError;

/** Bad datasets: one line naming the file, the line and the key. */
class DatasetErrorsTest {

    @TempDir
    Path dir;

    static final String RESULT = """
            {
              "schema": "vnetlab.result/1",
              "mode": "sim",
              "scenario": "native",
              "seed": 1,
              "version": "x",
              "parameters": "defaults",
              "points": [
                {
                  "transport": "udp",
                  "protocol": "ipv4",
                  "direction": "rx",
                  "payload": 36,
                  "guest": "host",
                  "throughput_mbps": 185.0
                },
                {
                  "transport": "udp",
                  "protocol": "ipv4",
                  "direction": "rx",
                  "payload": 1470,
                  "guest": "host",
                  "throughput_mbps": 957.0
                }
              ]
            }
            """;

    String error(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        ConfigError e = assertThrows(ConfigError.class, () -> Datasets.load(List.of(f)));
        assertTrue(e.getMessage().startsWith(f.toString() + ":"), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
        return e.getMessage();
    }

    @Test
    void anUnknownKeyInAResultFileNamesItsLine() throws Exception {
        String m = error("a.json", RESULT.replace("\"payload\": 1470,", "\"payload\": 1470,\n      \"thruput\": 3,"));
        assertTrue(m.contains(":22: points[1].thruput: unknown key"), m);
    }

    @Test
    void anOutOfRangeValueNamesItsLineAndKey() throws Exception {
        String m = error("b.json", RESULT.replace("957.0", "-957.0"));
        // the result reader refuses it before the dataset looks at it
        assertTrue(m.contains("b.json: line 23, column 26: 'throughput_mbps' must be between 0.0 and 1000000.0, got -957.0"), m);
    }

    @Test
    void aScenarioThatCannotBeSimulatedNamesTheKey() throws Exception {
        String m = error("s.json", RESULT.replace("\"native\"", "\"nativ\""));
        assertTrue(m.contains(":4: scenario: 'nativ' is not a bundled scenario"), m);
    }

    @Test
    void aWrongUnitInACsvNamesItsLine() throws Exception {
        String m = error("c.csv", "# comment\ntable1,native,ipv4,rx,tcp_throughput,936,Mbit/s\n"
                + "table2,native,ipv4,roundtrip,rtt_median,228.8,us\n");
        assertTrue(m.contains(":3: unit: rtt_median is in ms, not 'us'"), m);
    }

    @Test
    void anUnknownMetricInACsvIsNamedWithASuggestion() throws Exception {
        String m = error("d.csv", "table1,native,ipv4,rx,tcp_thruput,936,Mbit/s\n");
        assertTrue(m.contains(":1: metric: unknown 'tcp_thruput'"), m);
        assertTrue(m.contains("tcp_throughput"), m);
    }

    @Test
    void anOutOfRangeCsvValue() throws Exception {
        String m = error("e.csv", "table1,native,ipv4,rx,tcp_throughput,-3,Mbit/s\n");
        assertTrue(m.contains(":1: value: -3.0 is out of range"), m);
    }

    @Test
    void aNameThatIsNeitherBundledNorAFileListsTheBundledOnes() {
        ConfigError e = assertThrows(ConfigError.class, () -> Datasets.load(List.of(dir.resolve("studdy"))));
        assertTrue(e.getMessage().contains("no such file, and not a bundled dataset (bundled: study, literature"),
                e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }
}
