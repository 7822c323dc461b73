package org.vnetlab.console.format;

import java.util.Locale;
import java.util.Map;
import org.vnetlab.live.emulate.Counters;

/**
 * The emulator's once-a-second line: datagrams in and out per second, payload Mbit/s out, drops
 * per queue in that second, and the modelled CPU load per domain (% of one CPU).
 */
public final class EmulatorLine {

    private Counters last;

    /** The line for {@code now}, the counters one second after the previous call's. */
    public String next(Counters now) {
        Counters prev = last;
        last = now;
        double seconds = (now.elapsedNanos() - (prev == null ? 0 : prev.elapsedNanos())) / 1e9;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4.0f s  in %8.0f/s  out %8.0f/s  %8.2f Mbit/s",
                now.elapsedNanos() / 1e9,
                (now.packetsIn() - (prev == null ? 0 : prev.packetsIn())) / seconds,
                (now.packetsOut() - (prev == null ? 0 : prev.packetsOut())) / seconds,
                (now.bytesOut() - (prev == null ? 0 : prev.bytesOut())) * 8 / seconds / 1e6));
        sb.append("  cpu");
        for (Map.Entry<String, Long> e : now.cpuNanos().entrySet()) {
            long before = prev == null ? 0 : prev.cpuNanos().getOrDefault(e.getKey(), 0L);
            sb.append(String.format(Locale.ROOT, " %s %.1f %%", e.getKey(), 100.0 * (e.getValue() - before)
                    / (seconds * 1e9)));
        }
        StringBuilder drops = new StringBuilder();
        for (Map.Entry<String, Long> e : now.drops().entrySet()) {
            long before = prev == null ? 0 : prev.drops().getOrDefault(e.getKey(), 0L);
            if (e.getValue() > before) {
                drops.append(' ').append(e.getKey()).append(" +").append(e.getValue() - before);
            }
        }
        if (drops.length() > 0) {
            sb.append("  drops").append(drops);
        }
        return sb.toString();
    }
}
