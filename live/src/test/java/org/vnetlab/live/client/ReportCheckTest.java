package org.vnetlab.live.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.client.ReportCheck.Expected;
import org.vnetlab.live.control.ControlMessage.Report;
import org.vnetlab.live.control.TestSpec;

/** A server's report is checked against what the client knows of the test, as the server checks the client. */
class ReportCheckTest {

    private static final long SECOND = 1_000_000_000L;
    /** A UDP rx test of 100 B datagrams: the client sent 10, over 2 s from Start to the report. */
    private static final Expected SENT_TEN = Expected.udp(0, 10, 100, 2 * SECOND);

    private static Report report(long bytes, long packets, long reordered, long elapsedNanos,
                                 Map<String, List<Double>> cpu) {
        return new Report(bytes, packets, reordered, elapsedNanos, cpu);
    }

    private static Report udp(long packets, long reordered) {
        return report(packets * 100, packets, reordered, SECOND, Map.of("server", List.of(12.5)));
    }

    @Test
    void anHonestReportPasses() {
        assertNull(ReportCheck.problem(udp(9, 2), SENT_TEN));
        assertNull(ReportCheck.problem(udp(0, 0), SENT_TEN));
        assertNull(ReportCheck.problem(report(5_000_000, 0, 0, SECOND, Map.of()),
                Expected.tcp(4_000_000, Long.MAX_VALUE, 2 * SECOND)));
    }

    @Test
    void countsOverWhatWasSentOrUnderWhatArrivedAreImpossible() {
        assertEquals("packets 11 > the 10 that could be sent", ReportCheck.problem(udp(11, 0), SENT_TEN));
        assertEquals("bytes 1000000000000000000 > the 1000 that could be sent",
                ReportCheck.problem(report(1_000_000_000_000_000_000L, 3, 0, SECOND, Map.of()), SENT_TEN));
        assertEquals("packets 3 < the 5 this client received",
                ReportCheck.problem(udp(3, 0), Expected.udp(5, 10, 100, 2 * SECOND)));
        assertEquals("bytes 10 < the 20 this client received",
                ReportCheck.problem(report(10, 0, 0, SECOND, Map.of()), Expected.tcp(20, 100, 2 * SECOND)));
        assertEquals("packets 3 in a TCP test (it counts none)",
                ReportCheck.problem(report(10, 3, 0, SECOND, Map.of()), Expected.tcp(0, 100, 2 * SECOND)));
        assertEquals("bytes 250 in packets 3 (each datagram carries 100 B)",
                ReportCheck.problem(report(250, 3, 0, SECOND, Map.of()), SENT_TEN));
        assertEquals("bytes 100 in packets 0 (each datagram carries 100 B)",
                ReportCheck.problem(report(100, 0, 0, SECOND, Map.of()), SENT_TEN));
    }

    @Test
    void moreReorderedThanPacketsIsImpossible() {
        assertEquals("reordered 99 > packets 3", ReportCheck.problem(udp(3, 99), SENT_TEN));
    }

    @Test
    void theElapsedTimeIsPositiveWithinTheTestAndNoFasterThanAResultMaySay() {
        assertEquals("elapsed_ns 0 (must be positive)",
                ReportCheck.problem(report(300, 3, 0, 0, Map.of()), SENT_TEN));
        assertEquals("elapsed 5.000 s > the 2.000 s from Start to the report",
                ReportCheck.problem(report(300, 3, 0, 5 * SECOND, Map.of()), SENT_TEN));
        // the server's clock may run 1 % fast against the client's
        assertNull(ReportCheck.problem(report(300, 3, 0, 2 * SECOND + SECOND / 100, Map.of()), SENT_TEN));
        assertEquals("bytes 300 in 1 ns, over 1.0 Tbit/s", ReportCheck.problem(report(300, 3, 0, 1, Map.of()),
                SENT_TEN));
    }

    @Test
    void cpuSamplesAreFiniteWithinTheCpusOfAMachineAndAtMostOneASecond() {
        assertEquals("cpu_percent server: 1.0E308 is outside 0..819200 %", ReportCheck.problem(
                report(300, 3, 0, SECOND, Map.of("server", List.of(1e308, -5.0))), SENT_TEN));
        assertEquals("cpu_percent server: -5.0 is outside 0..819200 %", ReportCheck.problem(
                report(300, 3, 0, SECOND, Map.of("server", List.of(-5.0))), SENT_TEN));
        assertEquals("cpu_percent server: NaN is outside 0..819200 %", ReportCheck.problem(
                report(300, 3, 0, SECOND, Map.of("server", List.of(Double.NaN))), SENT_TEN));
        assertEquals("cpu_percent server: 4 samples in a 2.000 s test (one a second)", ReportCheck.problem(
                report(300, 3, 0, SECOND, Map.of("server", List.of(1.0, 1.0, 1.0, 1.0))), SENT_TEN));
        assertEquals("cpu_percent has a source named '\\u001b[2J' (expected a printable name)", ReportCheck.problem(
                report(300, 3, 0, SECOND, Map.of("\u001b[2J", List.of(1.0))), SENT_TEN));
        assertEquals("cpu_percent has a source named '' (expected a printable name)", ReportCheck.problem(
                report(300, 3, 0, SECOND, Map.of("", List.of(1.0))), SENT_TEN));
    }

    @Test
    void aPacedSenderSendsNoMoreThanOneDatagramPerInterval() {
        // 8 Mbit/s of 1000 B datagrams: one a millisecond, 1000 in a second, the first at once
        Expected paced = Expected.paced(0, 1000, DataRate.parse("8M"), SECOND, 2 * SECOND);
        assertNull(ReportCheck.problem(report(1001 * 1000, 1001, 0, SECOND, Map.of()), paced));
        // 1 % and 1 ms more for the server's clock: 1011 intervals, and the first datagram
        assertEquals("packets 1000000 > the 1012 that could be sent",
                ReportCheck.problem(report(1_000_000_000L, 1_000_000, 0, SECOND, Map.of()), paced));
        assertEquals(Long.MAX_VALUE, Expected.udp(0, Long.MAX_VALUE, 100, SECOND).maxBytes(), "no overflow");
    }

    @Test
    void aClientFedAnImpossibleReportFailsWithOneLineNamingTheServer() throws Exception {
        try (FakeServer fake = new FakeServer(new Report(300, 3, 99, SECOND, Map.of("server", List.of(1.0))))) {
            ThroughputClient client = new ThroughputClient(InetAddress.getLoopbackAddress(), fake.port(),
                    (s, b, p) -> { });
            MeasureException e = assertThrows(MeasureException.class, () -> client.run(new TestSpec(Transport.UDP,
                    IpVersion.IPV4, Direction.RX, DataRate.parse("1M"), 100, Duration.ofSeconds(1))));
            assertEquals("127.0.0.1:" + fake.port() + " sent an impossible report: reordered 99 > packets 3",
                    e.getMessage());
        }
    }
}
