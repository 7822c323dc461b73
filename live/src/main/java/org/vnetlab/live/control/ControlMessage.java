package org.vnetlab.live.control;

import java.util.List;
import java.util.Map;

/**
 * The frames of the control protocol, each a length-prefixed JSON object (see {@link ControlCodec}).
 * A session goes through few states, each numbered as in {@link SessionState}:
 * <pre>
 * client                          server
 *   Request | ProbeRequest  --->                  1 AWAIT_REQUEST
 *                           <---  Accepted | Refused
 *   Start                   --->                  2 ACCEPTED (client opened its data socket)
 *                           <---  Started
 *                           <---  Interval ...    3 RUNNING (one a second)
 *   Finish                  --->                  (the client's sender or prober is done)
 *                           <---  Report          back to 1, another test may follow
 *                           <---  Failed          at any point; the server then closes
 * </pre>
 */
public sealed interface ControlMessage {

    /** The protocol version a client states in its request; the server refuses any other. */
    int VERSION = 1;

    /** Asks for a throughput test. */
    record Request(int version, TestSpec spec) implements ControlMessage {
    }

    /** Asks a reflector for an RTT probe test. */
    record ProbeRequest(int version, ProbeSpec spec) implements ControlMessage {
    }

    /**
     * The test may go ahead.
     *
     * @param token    random per test; every data packet and the TCP data connection carry it
     * @param dataPort the server's port for the test's data (UDP or TCP as requested)
     */
    record Accepted(long testId, long token, int dataPort) implements ControlMessage {
    }

    /** The test may not run, and why (a limit, a busy server, an unsupported kind). */
    record Refused(String reason) implements ControlMessage {
    }

    /** The client's data socket is ready: start the test. */
    record Start() implements ControlMessage {
    }

    /** The server's side of the test runs. */
    record Started() implements ControlMessage {
    }

    /** What the server's side counted in one second of the test (received or sent). */
    record Interval(int second, long bytes, long packets) implements ControlMessage {
    }

    /** The client's sender (or prober) is done, having sent this much. */
    record Finish(long packets, long bytes) implements ControlMessage {
    }

    /**
     * The server's side of a finished test.
     *
     * @param bytes        payload bytes received (rx), sent (tx) or reflected (probe)
     * @param packets      datagrams (UDP) or 0 (TCP)
     * @param reordered    datagrams that arrived after one with a higher sequence number (rx)
     * @param elapsedNanos the time the server's side ran
     * @param cpuPercent   one-second CPU samples per watched source, in percent of one CPU
     */
    record Report(long bytes, long packets, long reordered, long elapsedNanos, Map<String, List<Double>> cpuPercent)
            implements ControlMessage {

        public Report {
            cpuPercent = Map.copyOf(cpuPercent);
        }
    }

    /** The test or session failed; the server closes the connection after it. */
    record Failed(String reason) implements ControlMessage {
    }
}
