package org.vnetlab.sim.plan;

import java.util.List;

/**
 * A capacity question's answer: the value found (most guests, smallest CPU speed), the
 * candidates that bracket it (the answer and its neighbour that fails), and every candidate
 * simulated on the way.
 *
 * @param found     the answer, or NaN when no candidate met the requirement
 * @param statement one line saying it, e.g. "at most 3 guests"
 */
public record Answer(double found, String statement, List<Candidate> tried) {

    public Answer {
        tried = List.copyOf(tried);
    }
}
