package org.vnetlab.config;

import java.util.List;

/**
 * What a parameter set was fitted on: the dataset's name and each scenario configuration it had
 * data for. A prediction for a configuration outside this is reported as a prediction.
 */
public record FitCoverage(String dataset, List<Entry> covers) {

    public FitCoverage {
        covers = List.copyOf(covers);
    }

    /**
     * One configuration of the fit's data.
     *
     * @param sets        the scenario's --set overrides in the data (method.* excluded: they change
     *                    how a configuration is measured, not what it is)
     * @param transports  {@code udp}, {@code tcp}, {@code rtt}
     * @param minPayload  smallest UDP payload in the data, bytes (0 when it had no UDP points)
     * @param maxPayload  largest UDP payload in the data, bytes
     */
    public record Entry(String scenario, List<String> sets, List<String> protocols, List<String> transports,
                        int minPayload, int maxPayload) {

        public Entry {
            sets = List.copyOf(sets);
            protocols = List.copyOf(protocols);
            transports = List.copyOf(transports);
        }
    }
}
