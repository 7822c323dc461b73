package org.vnetlab.sim.plan;

import java.util.List;
import java.util.Optional;

/**
 * A capacity question's answer: the value found (most guests, smallest CPU speed), the candidate
 * at it and the failing one beside it, every candidate simulated on the way, and how the search
 * went.
 *
 * @param question  {@code guests} or {@code cpu-speed}
 * @param found     the answer, or NaN when no candidate met the requirement
 * @param statement one line saying it, e.g. "at most 3 guests"
 * @param at        the candidate at the answer, or null
 * @param failing   the first failing candidate: one guest more than the answer, or the fastest
 *                  failing speed below it; null when the search stopped at a bound
 * @param search    how the candidates were walked
 * @param bound     the last candidate the search could try and why, one line
 * @param atBound   true when the search stopped because it reached {@code bound}, not a failure
 * @param effort    the runs it took
 */
public record Answer(String question, double found, String statement, Candidate at, Candidate failing,
                     List<Candidate> tried, Search search, String bound, boolean atBound, Effort effort) {

    /**
     * @param simulated  runs simulated
     * @param cached     runs found in the run cache
     * @param earlyStops points whose trials stopped early (identical trials)
     * @param notNeeded  runs those early stops saved
     */
    public record Effort(int simulated, int cached, int earlyStops, int notNeeded) {

        static final Effort NONE = new Effort(0, 0, 0, 0);

        Effort plus(org.vnetlab.sim.experiment.Batch.Outcome o) {
            return new Effort(simulated + o.simulated(), cached + o.cached(), earlyStops + o.earlyStops().size(),
                    notNeeded + o.notNeeded());
        }
    }

    public Answer {
        tried = List.copyOf(tried);
    }

    public Optional<Candidate> answer() {
        return Optional.ofNullable(at);
    }

    public Optional<Candidate> firstFailing() {
        return Optional.ofNullable(failing);
    }
}
