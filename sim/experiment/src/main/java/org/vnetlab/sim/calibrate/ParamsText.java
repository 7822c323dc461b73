package org.vnetlab.sim.calibrate;

import java.util.Locale;
import java.util.stream.Collectors;
import org.vnetlab.config.FitCoverage;

/**
 * A fit as the HOCON parameter file `sim`, `validate`, `plan` and `whatif` read with
 * {@code --params}: the fitted {@code model.*} values and a {@code fit} block with the dataset's
 * coverage. Parameters not fitted keep their defaults.
 */
public final class ParamsText {

    private ParamsText() {
    }

    public static String of(Calibration.Fit fit, FitCoverage coverage) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Model parameters fitted by `vnetlab calibrate` to dataset ").append(coverage.dataset()).append(".\n");
        sb.append(String.format(Locale.ROOT, "# Sum of squared residuals (in tolerances): %.6g at the start, %.6g fitted,"
                + " after %d evaluations.%n", fit.atStart().sumOfSquares(), fit.atFit().sumOfSquares(), fit.evaluations()));
        sb.append("# Parameters not listed keep the bundled defaults.\n");
        sb.append("model {\n");
        fit.fitted().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s = %.6g%n", k, v)));
        sb.append("}\n\n");
        sb.append("# The data the values were fitted on: a configuration outside it is a prediction.\n");
        sb.append("fit {\n  dataset = ").append(quoted(coverage.dataset())).append("\n  covers = [\n");
        for (FitCoverage.Entry e : coverage.covers()) {
            sb.append("    {scenario = ").append(quoted(e.scenario())).append(", sets = ").append(list(e.sets()))
                    .append(", protocols = ").append(list(e.protocols())).append(", transports = ")
                    .append(list(e.transports())).append(", min-payload = ").append(e.minPayload())
                    .append(", max-payload = ").append(e.maxPayload()).append("}\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    private static String list(java.util.List<String> values) {
        return values.stream().map(ParamsText::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A HOCON quoted string: backslashes and quotes escaped. */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
