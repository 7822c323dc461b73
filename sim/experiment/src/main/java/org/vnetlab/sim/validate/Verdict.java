package org.vnetlab.sim.validate;

/**
 * One row of a validation: what was checked, what was expected, what the model gave, the error,
 * the tolerance and the outcome; and the residuals calibration minimises (each in units of the
 * check's tolerance, so 1.0 is "just at the edge").
 */
public record Verdict(String check, String expected, String model, String error, String tolerance, Status status,
                      double[] residuals) {

    public enum Status {
        /** Within tolerance. */
        PASS,
        /** Outside tolerance. */
        FAIL,
        /** Shown beside the model's value, not checked (e.g. a standard deviation). */
        REPORTED,
        /** The model produced no value for it (e.g. a transport the simulator does not have yet). */
        MISSING,
        /** Outside tolerance for a reason docs/MODEL.md documents ({@link KnownConflicts}). */
        KNOWN_CONFLICT;

        public String label() {
            return this == KNOWN_CONFLICT ? "known conflict" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Verdict {
        residuals = residuals.clone();
    }

    public boolean failed() {
        return status == Status.FAIL || status == Status.MISSING;
    }

    public double sumOfSquares() {
        double s = 0;
        for (double r : residuals) {
            s += r * r;
        }
        return s;
    }
}
