package org.vnetlab.sim.calibrate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.FitCoverage;
import org.vnetlab.config.ParameterFile;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.sim.validate.ScenarioSet;
import org.vnetlab.sim.validate.StudyFacts;

/**
 * Says which parameters a prediction used and whether its configuration was inside the data they
 * were fitted on. The bundled defaults were fitted (by hand) to the study, so their coverage is
 * the study dataset's; a parameter file carries its own in its {@code fit} block. A configuration
 * is the resolved scenario, whatever it was called: a file or overrides that come to a covered
 * scenario (a what-if of {@code xen.domUs=1} on {@code xen-single}) are inside.
 */
public final class Provenance {

    /** What a configuration is not: its name, how it is measured, and the payloads (covered by range). */
    private static final List<String> NOT_CONFIGURATION = List.of("name", "description", "method", "udp.sizes");

    private final ScenarioLoader loader;
    private final Path params;
    private final String parameters;
    private final Optional<FitCoverage> coverage;
    private final Map<String, Optional<Config>> configurations = new HashMap<>();

    private Provenance(ScenarioLoader loader, Path params, String parameters, Optional<FitCoverage> coverage) {
        this.loader = loader;
        this.params = params;
        this.parameters = parameters;
        this.coverage = coverage;
    }

    public static Provenance of(ScenarioLoader loader, Path params) {
        if (params == null) {
            ScenarioSet study = ScenarioSet.load(loader, StudyFacts.study(), null);
            return new Provenance(loader, null, ScenarioLoader.DEFAULT_PARAMETERS,
                    Optional.of(Coverage.of(StudyFacts.study(), study)));
        }
        return new Provenance(loader, params, params.toString(), ParameterFile.read(params).fit());
    }

    /**
     * One line about a result: e.g. {@code parameters: defaults (fitted to dataset study); native
     * udp ipv4+ipv6 is inside that dataset}.
     *
     * @param sets the --set overrides the result's scenario was loaded with
     */
    public String describe(String scenario, List<String> sets, Result result) {
        TreeSet<String> protocols = new TreeSet<>();
        TreeSet<String> transports = new TreeSet<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        for (Point p : result.points()) {
            protocols.add(p.protocol());
            boolean rtt = p.direction().equals("roundtrip");
            transports.add(rtt ? "rtt" : p.transport());
            if (!rtt && p.transport().equals("udp")) {
                sizes.add(p.payload());
            }
        }
        return describe(scenario, sets, List.copyOf(protocols), List.copyOf(transports), List.copyOf(sizes));
    }

    private String describe(String scenario, List<String> sets, List<String> protocols, List<String> transports,
                            List<Integer> sizes) {
        String what = scenario + (Coverage.configurationSets(sets).isEmpty() ? ""
                : " " + String.join(" ", Coverage.configurationSets(sets).stream().map(s -> "--set " + s).toList()));
        if (coverage.isEmpty()) {
            return "parameters: " + parameters + " (no fit block: the data they came from is unknown); " + what
                    + " is a prediction";
        }
        boolean inside = coverage.get().covers().stream().anyMatch(e -> covers(e, scenario, sets, protocols,
                transports, sizes));
        return "parameters: " + parameters + " (fitted to dataset " + coverage.get().dataset() + "); " + what + " "
                + String.join("+", transports) + " " + String.join("+", protocols)
                + (inside ? " is inside that dataset" : " is outside that dataset: a prediction");
    }

    private boolean covers(FitCoverage.Entry e, String scenario, List<String> sets, List<String> protocols,
                           List<String> transports, List<Integer> sizes) {
        return e.protocols().containsAll(protocols) && e.transports().containsAll(transports)
                && sizes.stream().allMatch(p -> p >= e.minPayload() && p <= e.maxPayload())
                && sameConfiguration(e.scenario(), e.sets(), scenario, sets);
    }

    private boolean sameConfiguration(String a, List<String> aSets, String b, List<String> bSets) {
        if (a.equals(b) && Coverage.configurationSets(aSets).equals(Coverage.configurationSets(bSets))) {
            return true;
        }
        Optional<Config> first = configuration(a, aSets);
        return first.isPresent() && first.equals(configuration(b, bSets));
    }

    /** The resolved scenario without what does not make it another configuration; empty if it does not load. */
    private Optional<Config> configuration(String scenario, List<String> sets) {
        return configurations.computeIfAbsent(scenario + "\n" + String.join("\n", Coverage.configurationSets(sets)),
                k -> {
                    try {
                        Config c = ConfigFactory.parseString(loader.load(scenario, Coverage.configurationSets(sets),
                                params).render());
                        for (String path : NOT_CONFIGURATION) {
                            c = c.withoutPath(path);
                        }
                        return Optional.of(c);
                    } catch (ConfigError e) {
                        return Optional.empty();
                    }
                });
    }
}
