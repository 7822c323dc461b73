package org.vnetlab.console.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.CpuBurner;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;

/**
 * What the report needs to know about a result to place it in the study's figures.
 *
 * @param source   the file it was read from (or {@code the session})
 * @param platform {@code native}, {@code xen}, {@code vserver}, {@code container} or {@code kvm}, from its guest names
 *                 ({@code host}, {@code domU…}, {@code ctx…}, {@code ct…}, {@code vm…}), or {@code unknown}
 * @param burners  guests that run a CPU burner, known for the bundled scenarios
 * @param measured guests with throughput values, other than burners and the {@code sum} of all guests
 */
record ResultFacts(Result result, String source, Origin origin, String platform, Set<String> burners,
                   List<String> measured) {

    static final String SUM = "sum";

    static ResultFacts of(Result result, String source, ScenarioLoader loader) {
        Set<String> burners = new LinkedHashSet<>();
        if (loader.catalog().contains(result.scenario())) {
            try {
                loader.load(result.scenario(), List.of()).scenario().workloads(CpuBurner.class)
                        .forEach(b -> burners.add(b.guest()));
            } catch (ConfigError e) {
                throw new IllegalStateException("bundled scenario " + result.scenario() + " does not load", e);
            }
        }
        List<String> measured = result.points().stream().filter(p -> p.throughputMbps() != null)
                .map(Point::guest).filter(g -> !g.equals(SUM) && !burners.contains(g)).distinct().toList();
        return new ResultFacts(result, source, Origin.ofMode(result.mode()), platform(result), Set.copyOf(burners),
                measured);
    }

    private static String platform(Result result) {
        for (Point p : result.points()) {
            String g = p.guest();
            if (g.equals("host")) {
                return "native";
            }
            if (g.startsWith("dom")) {
                return "xen";
            }
            if (g.startsWith("ctx")) {
                return "vserver";
            }
            if (g.startsWith("ct")) {
                return "container";
            }
            if (g.startsWith("vm")) {
                return "kvm";
            }
        }
        return "unknown";
    }

    /** {@code Native}, {@code Xen}, {@code VServer}, {@code Containers}. */
    String platformName() {
        return switch (platform) {
            case "native" -> "Native";
            case "xen" -> "Xen";
            case "vserver" -> "VServer";
            case "container" -> "Containers";
            case "kvm" -> "KVM";
            default -> "unknown platform";
        };
    }

    boolean singleGuest() {
        return burners.isEmpty() && measured.size() == 1;
    }

    /** e.g. {@code simulated xen-double} */
    String describe() {
        return origin.label() + " " + result.scenario();
    }
}
