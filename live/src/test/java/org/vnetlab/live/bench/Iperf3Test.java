package org.vnetlab.live.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading iperf3's {@code -J} report: the receiver's figures, its error, and a report without figures. */
class Iperf3Test {

    /** The shape of iperf3 3.x's report, cut to a few keys of each part. */
    private static final String UDP = """
            {"start": {"connected": [{"socket": 5, "local_host": "127.0.0.1"}], "version": "iperf 3.12",
                       "test_start": {"protocol": "UDP", "num_streams": 1, "blksize": 64, "reverse": 0}},
             "intervals": [{"streams": [{"socket": 5, "bytes": 1250000, "omitted": false}],
                            "sum": {"start": 0, "end": 1.0, "bits_per_second": 9999.5, "sender": true}}],
             "end": {"streams": [{"udp": {"bytes": 1250000, "packets": 19531}}],
                     "sum": {"start": 0, "end": 1.000045, "seconds": 1.000045, "bytes": 1250048,
                             "bits_per_second": 9999934.2, "jitter_ms": 0.0041, "lost_packets": 12,
                             "packets": 19532, "lost_percent": 0.0614, "sender": true},
                     "cpu_utilization_percent": {"host_total": 2.5}}}
            """;

    @Test
    void readsTheUdpSum() {
        Iperf3.Run run = Iperf3.parse(UDP, true);
        assertEquals(new Iperf3.Run(9999934.2, 19532, 12, 1.000045), run);
    }

    @Test
    void readsTheTcpReceiversSum() {
        String tcp = """
                {"end": {"sum_sent": {"seconds": 3.0, "bits_per_second": 2.0e10, "retransmits": 0},
                         "sum_received": {"seconds": 3.04, "bits_per_second": 1.5e10, "sender": true}}}
                """;
        assertEquals(new Iperf3.Run(1.5e10, 0, 0, 3.04), Iperf3.parse(tcp, false));
    }

    @Test
    void anErrorOrMissingFiguresAreOneLine() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Iperf3.parse("{\"start\": {}, \"intervals\": [], \"end\": {}, "
                        + "\"error\": \"unable to connect to server: Connection refused\"}", true));
        assertEquals("iperf3: unable to connect to server: Connection refused", error.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> Iperf3.parse(UDP, false));
        assertTrue(missing.getMessage().contains("no bits_per_second"), missing.getMessage());
    }
}
