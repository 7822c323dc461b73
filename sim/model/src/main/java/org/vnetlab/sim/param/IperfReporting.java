package org.vnetlab.sim.param;

import org.vnetlab.config.ConfigError;
import org.vnetlab.core.model.ModelParameters;

/**
 * iperf 2.0's reporting between a data thread and its reporter thread (model.iperf.*), read once.
 *
 * @param ringEntries the ring's slots ({@code NUM_REPORT_STRUCTS}); 0: no reporter thread
 * @param napNs       CPU work of one {@code usleep(0)}: the call, its timer, the switch away
 * @param entryNs     the reporter's CPU work per datagram recorded
 */
public record IperfReporting(int ringEntries, double napNs, double entryNs) {

    /** Whether each iperf endpoint has a reporter thread and a ring its data thread records in. */
    public boolean enabled() {
        return ringEntries > 0;
    }

    public static IperfReporting of(ModelParameters p) {
        int entries = (int) p.get("iperf.report-ring-entries");
        if (entries == 1 || entries == 2) {
            throw new ConfigError("model.iperf.report-ring-entries must be 0 (no reporter) or at least 3 (the"
                    + " writer stops two slots short of the reporter), got " + entries);
        }
        return new IperfReporting(entries, p.get("iperf.nap-ns"), p.get("iperf.report-entry-ns"));
    }
}
