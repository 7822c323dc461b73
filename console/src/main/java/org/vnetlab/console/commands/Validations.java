package org.vnetlab.console.commands;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.console.format.TextTable;
import org.vnetlab.sim.validate.Validation;
import org.vnetlab.sim.validate.Verdict;

/** A validation as the table users read: one row per check. */
final class Validations {

    private Validations() {
    }

    static String table(Validation v) {
        List<List<String>> rows = new ArrayList<>();
        for (Verdict d : v.verdicts()) {
            rows.add(List.of(d.check(), d.expected(), d.model(), d.error(), d.tolerance(), d.status().label()));
        }
        return TextTable.render(List.of("check", "expected", "model", "error", "tolerance", "result"), rows);
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
