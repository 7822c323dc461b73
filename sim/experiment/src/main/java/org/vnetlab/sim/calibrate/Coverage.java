package org.vnetlab.sim.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.vnetlab.config.FitCoverage;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.sim.validate.Check;
import org.vnetlab.sim.validate.Dataset;
import org.vnetlab.sim.validate.ScenarioRef;
import org.vnetlab.sim.validate.ScenarioSet;
import org.vnetlab.sim.validate.Series;

/**
 * Which configurations a dataset has data for: per scenario configuration, the protocols,
 * transports and the range of UDP payloads. Written into a fitted parameter file, and read back to
 * tell a prediction from a reproduction.
 */
public final class Coverage {

    private Coverage() {
    }

    public static FitCoverage of(Dataset dataset, ScenarioSet scenarios) {
        Map<ScenarioRef, Builder> by = new LinkedHashMap<>();
        for (Check c : dataset.checks()) {
            for (Series s : c.needs()) {
                Builder b = by.computeIfAbsent(s.scenario(), r -> new Builder());
                b.protocols.add(s.protocol());
                b.transports.add(s.transport() == null ? "rtt" : s.transport());
                if ("udp".equals(s.transport())) {
                    if (c instanceof Check.Target t && t.payload() != null) {
                        b.payload(t.payload());
                    } else {
                        Scenario sc = scenarios.scenarios().get(s.scenario());
                        for (UdpStream u : sc.workloads(UdpStream.class)) {
                            u.sizes().of(IpVersion.fromKey(s.protocol())).forEach(b::payload);
                        }
                    }
                }
            }
        }
        List<FitCoverage.Entry> entries = new ArrayList<>();
        by.forEach((ref, b) -> entries.add(new FitCoverage.Entry(ref.name(), configurationSets(ref.sets()),
                List.copyOf(b.protocols), List.copyOf(b.transports), b.min == Integer.MAX_VALUE ? 0 : b.min, b.max)));
        return new FitCoverage(dataset.name(), entries);
    }

    /** The overrides that change the configuration: method.* only changes how it is measured. */
    public static List<String> configurationSets(List<String> sets) {
        return sets.stream().map(String::trim).filter(s -> !s.startsWith("method.")).sorted().toList();
    }

    private static final class Builder {
        final TreeSet<String> protocols = new TreeSet<>();
        final TreeSet<String> transports = new TreeSet<>();
        int min = Integer.MAX_VALUE;
        int max;

        void payload(int p) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
    }
}
