package org.vnetlab.core.result;

import java.util.List;

/**
 * A result file of schema {@value #SCHEMA}: what sim, emulate and measure all write.
 *
 * @param mode       {@code sim}, {@code emulate} or {@code measure}
 * @param parameters the parameter file the model used ({@code defaults} for the bundled ones)
 * @param made       how a simulation was made (overrides, trials, duration, sizes), or null
 */
public record Result(String mode, String scenario, long seed, String version, String parameters,
                     List<Point> points, Made made) {

    public static final String SCHEMA = "vnetlab.result/1";

    public Result {
        points = List.copyOf(points);
    }

    /** A result that does not say how it was made (measurements, emulations, older files). */
    public Result(String mode, String scenario, long seed, String version, String parameters, List<Point> points) {
        this(mode, scenario, seed, version, parameters, points, null);
    }

    /** The same result, saying how it was made. */
    public Result withMade(Made how) {
        return new Result(mode, scenario, seed, version, parameters, points, how);
    }
}
