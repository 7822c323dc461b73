package org.vnetlab.live.emulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;

/** An emulator run as a result file that vnetlab's own readers take back, carried or not. */
class EmulationResultTest {

    private static Counters counters(long packetsOut, long bytesOut) {
        PacingStats.Summary none = new PacingStats().summary();
        return new Counters(2_000_000_000L, packetsOut, packetsOut, bytesOut, new TreeMap<>(), new TreeMap<>(), none,
                none, none);
    }

    private static Result of(Counters c) {
        return EmulationResult.of("native", 1, "v", "defaults", "udp", "ipv4", EmulationResult.FORWARD, "host", c);
    }

    @Test
    void whatWentOutIsOnePointWithItsMeanPayloadAndRate() {
        Result r = ResultJson.read(ResultJson.write(of(counters(1000, 1_000_000))));
        assertEquals(1, r.points().size());
        assertEquals(1000, r.points().get(0).payload());
        assertEquals(4.0, r.points().get(0).throughputMbps(), 1e-9);
    }

    @Test
    void nothingCarriedOrOnlyEmptyDatagramsIsAResultWithoutAPointThatReadsBack() {
        // a point of payload 0 was written once, and vnetlab's plot and report refused the file
        for (Counters c : new Counters[] {counters(0, 0), counters(5, 0)}) {
            Result r = ResultJson.read(ResultJson.write(of(c)));
            assertTrue(r.points().isEmpty(), r.points().toString());
        }
    }
}
