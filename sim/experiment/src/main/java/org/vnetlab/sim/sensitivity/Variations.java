package org.vnetlab.sim.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ParameterSpec;
import org.vnetlab.config.ParameterSpecs;
import org.vnetlab.config.TestbedUnknowns;
import org.vnetlab.core.model.ModelParameters;
import org.vnetlab.core.model.Scenario;

/** Which keys a sensitivity varies, and over what range. */
public final class Variations {

    /** The basis of a variation the user gave. */
    public static final String GIVEN = "--vary";
    private static final String MODEL = "model.";
    /**
     * The families of model parameters that only one platform's components read: on another
     * platform both ends give the baseline's runs, so they are not varied there.
     */
    private static final Map<String, String> PLATFORM_OF = Map.of("cost.kvm.", "kvm", "kvm.", "kvm",
            "cost.container.", "container", "container.", "container", "cost.netback.", "xen", "cost.netfront.", "xen",
            "cost.xen-guest.", "xen", "xen.", "xen", "cost.vserver.", "vserver");

    private Variations() {
    }

    /**
     * Every model parameter of {@code s} that no fit pins (the priors and the published figures),
     * each over its plausible range around its value in {@code s} ({@link ParameterSpec#plausible}),
     * sorted by key; left out are a parameter whose range is a single value (a cost of 0: it
     * cannot move) and one only another platform reads.
     */
    public static List<Variation> unpinned(Scenario s, ParameterSpecs specs) {
        ModelParameters values = s.parameters();
        String platform = s.platform().kind();
        List<Variation> all = new ArrayList<>();
        for (ParameterSpec spec : specs.all().values()) {
            if (!values.has(spec.key()) || !readOn(spec.key(), platform)) {
                continue;
            }
            double value = values.get(spec.key());
            Optional<ParameterSpec.Range> range = spec.plausible(value);
            if (range.isEmpty() || range.get().low() == range.get().high()) {
                continue;
            }
            all.add(new Variation(MODEL + spec.key(), ParameterSpec.number(range.get().low()),
                    ParameterSpec.number(range.get().high()),
                    basis(spec)));
        }
        return all;
    }

    /**
     * What the study does not state about its testbed (machine 2's speed, where each NIC's
     * interrupt was taken) over where it plausibly lies, for the unknowns {@code l} reads and
     * can take both ends of, in reference.conf's order.
     */
    public static List<Variation> testbed(LoadedScenario l, TestbedUnknowns unknowns) {
        return unknowns.applyingTo(l).stream().map(u -> new Variation(u.key(), u.low(), u.high(), u.basis())).toList();
    }

    private static boolean readOn(String key, String platform) {
        return PLATFORM_OF.entrySet().stream().filter(e -> key.startsWith(e.getKey()))
                .allMatch(e -> e.getValue().equals(platform));
    }

    private static String basis(ParameterSpec spec) {
        String kind = spec.provenance().name().toLowerCase(Locale.ROOT);
        if (spec.stated() != null) {
            return kind + ", the range its source gives";
        }
        return spec.provenance() == ParameterSpec.Provenance.PRIOR ? kind + ", half to twice (no range stated)"
                : kind + ", a quarter either way (no range stated)";
    }

    /**
     * A variation the user asked for: {@code KEY=LOW..HIGH}, the values as {@code --set} takes
     * them (with units where the key has them).
     *
     * @throws IllegalArgumentException saying what the form is, when {@code text} is not of it
     */
    public static Variation parse(String text) {
        int eq = text.indexOf('=');
        int dots = text.indexOf("..", Math.max(eq, 0));
        // '...' or a second '..' would split somewhere in the values: 0.5...1 read as 0.5 to .1
        if (eq <= 0 || dots < 0 || dots == eq + 1 || dots + 2 >= text.length() || text.indexOf("..", dots + 1) >= 0) {
            throw new IllegalArgumentException("expected KEY=LOW..HIGH with one '..', e.g. peer.cpu-speed=0.45..0.8");
        }
        String low = text.substring(eq + 1, dots).strip();
        String high = text.substring(dots + 2).strip();
        if (low.equals(high)) {
            throw new IllegalArgumentException("LOW and HIGH are the same value: nothing would move");
        }
        return new Variation(text.substring(0, eq).strip(), low, high, GIVEN);
    }
}
