package org.vnetlab.live.control;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.vnetlab.live.LiveSettings.ServerSettings;

/**
 * The file descriptors a server may need at its limits, against what the process may open: a
 * server that ran out would fail every accept in a loop, so it does not start.
 */
final class Descriptors {

    /** Descriptors of the JVM itself (jars, epoll, pipes) and of the reflector, with room to spare. */
    static final int BASE = 256;
    /** Per test: a data socket, a TCP listener and its accepted connection, token candidates. */
    static final int PER_TEST = 8;

    private Descriptors() {
    }

    /** What the limits need at most. */
    static long needed(ServerSettings s) {
        return BASE + (long) s.maxConnections() + (long) PER_TEST * s.maxConcurrentTests();
    }

    /** Fails with one line when this process may open fewer descriptors than the limits need. */
    static void checkRoomFor(ServerSettings s) throws IOException {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof UnixOperatingSystemMXBean unix)) {
            return;
        }
        long limit = unix.getMaxFileDescriptorCount();
        if (limit < needed(s)) {
            throw new IOException("max-connections " + s.maxConnections() + " and max-concurrent-tests "
                    + s.maxConcurrentTests() + " need up to " + needed(s) + " file descriptors, but this process may"
                    + " open " + limit + ": raise the limit (ulimit -n) or lower vnetlab.live.server.max-connections");
        }
    }
}
