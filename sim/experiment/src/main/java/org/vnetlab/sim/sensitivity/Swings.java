package org.vnetlab.sim.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vnetlab.config.ParameterSpec;

/**
 * How far each variation moves one headline number: its value with the key at the low end and
 * at the high end, largest swing first. What moves it by less than {@link #NEGLIGIBLE} of its
 * value is set apart, so that what the prediction rests on stands out.
 */
public final class Swings {

    /** A swing below this fraction of the baseline counts as none. */
    public static final double NEGLIGIBLE = 0.001;

    /** One key's effect on the number: NaN where the run made no such point. */
    public record Swing(Variation variation, double atLow, double atHigh) {

        public double size() {
            return Double.isNaN(atLow) || Double.isNaN(atHigh) ? Double.POSITIVE_INFINITY : Math.abs(atHigh - atLow);
        }
    }

    private final String headline;
    private final double baseline;
    private final double trialSpread;
    private final List<Swing> moving;
    private final List<Swing> still;

    private Swings(String headline, Headlines.Headline baseline, List<Swing> moving, List<Swing> still) {
        this.headline = headline;
        this.baseline = baseline.value();
        this.trialSpread = baseline.trialSpread();
        this.moving = moving;
        this.still = still;
    }

    /**
     * @param atLow  per variation, the headline numbers of the run with its key at the low end
     * @param atHigh the same at the high end
     */
    public static Swings of(String headline, Headlines.Headline baseline, List<Variation> variations,
                            Map<Variation, Map<String, Headlines.Headline>> atLow,
                            Map<Variation, Map<String, Headlines.Headline>> atHigh) {
        List<Swing> moving = new ArrayList<>();
        List<Swing> still = new ArrayList<>();
        for (Variation v : variations) {
            Swing s = new Swing(v, value(atLow.get(v).get(headline)), value(atHigh.get(v).get(headline)));
            (s.size() > NEGLIGIBLE * Math.abs(baseline.value()) ? moving : still).add(s);
        }
        moving.sort(Comparator.comparingDouble(Swing::size).reversed());
        return new Swings(headline, baseline, List.copyOf(moving), List.copyOf(still));
    }

    private static double value(Headlines.Headline h) {
        return h == null ? Double.NaN : h.value();
    }

    public String headline() {
        return headline;
    }

    public double baseline() {
        return baseline;
    }

    /**
     * How far the baseline's trials lie apart: a swing within it may be the trials' own spread (a
     * different key changes every run's timing) rather than the key's effect.
     */
    public double trialSpread() {
        return trialSpread;
    }

    /** The variations that move the number, largest swing first. */
    public List<Swing> moving() {
        return moving;
    }

    /** The variations that leave it (within {@link #NEGLIGIBLE}) where it is, in the order given. */
    public List<Swing> still() {
        return still;
    }

    /** From the least to the greatest value any one variation gave, the baseline included. */
    public ParameterSpec.Range span() {
        double lo = baseline;
        double hi = baseline;
        for (Swing s : moving) {
            for (double v : new double[] {s.atLow(), s.atHigh()}) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new ParameterSpec.Range(lo, hi);
    }
}
