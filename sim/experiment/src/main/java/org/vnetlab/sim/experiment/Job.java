package org.vnetlab.sim.experiment;

import org.vnetlab.core.model.Scenario;

/** One independent simulation to make: a scenario (with its parameters) and one run of it. */
public record Job(Scenario scenario, RunSpec spec) {
}
