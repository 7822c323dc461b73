package org.vnetlab.core.result;

import java.util.List;

/**
 * A result file of schema {@value #SCHEMA}: what sim, emulate and measure all write.
 *
 * @param mode       {@code sim}, {@code emulate} or {@code measure}
 * @param parameters the parameter file the model used ({@code defaults} for the bundled ones)
 */
public record Result(String mode, String scenario, long seed, String version, String parameters,
                     List<Point> points) {

    public static final String SCHEMA = "vnetlab.result/1";

    public Result {
        points = List.copyOf(points);
    }
}
