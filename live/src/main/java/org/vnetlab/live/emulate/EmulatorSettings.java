package org.vnetlab.live.emulate;

import com.typesafe.config.Config;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's own settings ({@code vnetlab.emulator} in live's reference.conf, each key
 * documented there).
 *
 * @param slots      datagrams the ingress ring keeps (a power of two)
 * @param slotBytes  the largest datagram it carries, bytes
 * @param spinNanos  how long before a deadline the pacing thread stops parking and spins
 * @param sliceNanos how long the model host runs before it reads its messages
 * @param warmUpNanos how long after the start lateness is not counted (JIT compilation)
 * @param tcpReadAhead    bytes of a client's TCP stream read beyond what the modelled connection holds
 * @param tcpSocketBuffer receive buffer of an accepted TCP connection, bytes
 * @param tcpMaxConnections TCP connections carried at once; more are closed and counted
 */
public record EmulatorSettings(int slots, int slotBytes, long spinNanos, long sliceNanos, long warmUpNanos,
                               long tcpReadAhead, int tcpSocketBuffer, int tcpMaxConnections) {

    public static EmulatorSettings of(Config c) {
        Config e = c.getConfig("vnetlab.emulator");
        return new EmulatorSettings(e.getInt("slots"), e.getInt("slot-bytes"),
                e.getDuration("spin", TimeUnit.NANOSECONDS), e.getDuration("slice", TimeUnit.NANOSECONDS), e.getDuration("warm-up", TimeUnit.NANOSECONDS),
                e.getBytes("tcp.read-ahead"), (int) e.getBytes("tcp.socket-buffer").longValue(), e.getInt("tcp.max-connections"));
    }
}
