package org.vnetlab.sim.validate;

import java.util.List;

/** A dataset's checks judged against the model: one verdict per check. */
public record Validation(Dataset dataset, List<Verdict> verdicts) {

    public Validation {
        verdicts = List.copyOf(verdicts);
    }

    public boolean passed() {
        return verdicts.stream().noneMatch(Verdict::failed);
    }

    /** The calibration objective: the sum of squared residuals of every check. */
    public double sumOfSquares() {
        return verdicts.stream().mapToDouble(Verdict::sumOfSquares).sum();
    }
}
