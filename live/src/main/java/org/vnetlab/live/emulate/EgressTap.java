package org.vnetlab.live.emulate;

import org.vnetlab.sim.net.WireEnd;
import org.vnetlab.sim.packet.PacketQueue;
import org.vnetlab.sim.packet.Train;

/**
 * The far end of the modelled host's wire in the emulator (ns-3's fd-net-device): frames the
 * host transmits are held with their modelled arrival times and released, as real datagrams,
 * when the realtime clock reaches those times.
 */
final class EgressTap implements WireEnd {

    private final PacketQueue pending = PacketQueue.unbounded("emulator.egress");

    @Override
    public void arrive(Train frames) {
        pending.offer(frames);
    }

    /** Modelled time the next frame reaches the far end, or {@link Long#MAX_VALUE}. */
    long nextDue() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.headReady();
    }

    /** Whether a frame is due by {@code now}. */
    boolean due(long now) {
        return pending.headReadyBy(now) > 0;
    }

    /** The next due frame's number; removes it. */
    long take() {
        long seq = pending.headSeq();
        pending.removeHead(1);
        return seq;
    }
}
