package org.vnetlab.sim.validate;

import java.util.List;

/** Checks the model is validated against and calibrated on, under the name of their source. */
public record Dataset(String name, List<Check> checks) {

    public Dataset {
        checks = List.copyOf(checks);
    }
}
