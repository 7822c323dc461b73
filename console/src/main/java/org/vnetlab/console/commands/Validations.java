package org.vnetlab.console.commands;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.sim.validate.Validation;
import org.vnetlab.sim.validate.Verdict;

/** A validation as the table users read: one row per check. */
final class Validations {

    /** Where a check's values start under its label, when labels have lines of their own. */
    private static final String INDENT = "    ";

    private Validations() {
    }

    /**
     * One row per check when that fits {@code columns}; else each check's label on a line of its
     * own (the literature's carry their sources) above its values, which stay aligned as a table.
     */
    static String table(Validation v, int columns) {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        for (Verdict d : v.verdicts()) {
            rows.add(List.of(d.check(), d.expected(), d.model(), d.error(), d.tolerance(), d.status().label()));
            values.add(List.of(d.expected(), d.model(), d.error(), d.tolerance(), d.status().label()));
        }
        String wide = TextTable.render(List.of("check", "expected", "model", "error", "tolerance", "result"), rows);
        if (wide.lines().allMatch(line -> line.length() <= columns)) {
            return wide;
        }
        List<String> lines = TextTable.render(List.of("expected", "model", "error", "tolerance", "result"), values)
                .lines().toList();
        StringBuilder sb = new StringBuilder();
        sb.append(INDENT).append(lines.get(0)).append('\n').append(INDENT).append(lines.get(1)).append('\n');
        for (int i = 0; i < v.verdicts().size(); i++) {
            sb.append(v.verdicts().get(i).check()).append('\n').append(INDENT).append(lines.get(i + 2)).append('\n');
        }
        return sb.toString();
    }

    static String summary(Validation v) {
        long pass = count(v, Verdict.Status.PASS);
        long fail = count(v, Verdict.Status.FAIL);
        long missing = count(v, Verdict.Status.MISSING);
        long reported = count(v, Verdict.Status.REPORTED);
        long known = count(v, Verdict.Status.KNOWN_CONFLICT);
        return v.verdicts().size() + " checks of dataset " + v.dataset().name() + ": " + pass + " pass, " + fail
                + " fail" + (missing > 0 ? ", " + missing + " not simulated" : "")
                + (reported > 0 ? ", " + reported + " reported only" : "")
                + (known > 0 ? ", " + known + " known conflict" + (known == 1 ? "" : "s") + " (docs/MODEL.md)" : "");
    }

    private static long count(Validation v, Verdict.Status s) {
        return v.verdicts().stream().filter(d -> d.status() == s).count();
    }
}
