package org.vnetlab.console.session;

import java.util.List;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.core.model.Scenario;

/** One line describing a session scenario: what runs, its guests and the overrides in force. */
final class ScenarioSummary {

    private ScenarioSummary() {
    }

    static String of(LoadedScenario loaded, List<String> sets) {
        Scenario s = loaded.scenario();
        List<String> guests = s.platform().guestNames();
        return "scenario " + s.name() + ": " + s.platform().kind() + ", " + guests.size()
                + (guests.size() == 1 ? " guest (" : " guests (") + String.join(", ", guests) + ")"
                + (sets.isEmpty() ? "" : "; set " + String.join(" ", sets));
    }
}
