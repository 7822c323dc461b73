package org.vnetlab.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.ConsoleFixture;
import org.vnetlab.console.session.Session;

/** How a console line gets the session scenario. */
class SessionDispatcherTest {

    private final Session session = new Session(new ScenarioLoader());
    private final SessionDispatcher dispatcher = new SessionDispatcher(ConsoleFixture.cli(session), session);

    @Test
    void scenarioCommandsWithoutAScenarioGetTheSessionsBeforeTheirOwnFlags() {
        assertEquals(List.of("show"), dispatcher.withSessionScenario(List.of("show")), "no session scenario yet");
        session.use("xen-double");
        session.set("xen.domUs=4");
        session.set("host.cpus=4");
        assertEquals(List.of("fakesweep", "xen-double", "--set", "xen.domUs=4", "--set", "host.cpus=4", "--set",
                "host.cpus=8", "--quiet"), dispatcher.withSessionScenario(List.of("fakesweep", "--set", "host.cpus=8",
                "--quiet")));
        assertEquals(List.of("show", "native"), dispatcher.withSessionScenario(List.of("show", "native")));
        assertEquals(List.of("scenarios"), dispatcher.withSessionScenario(List.of("scenarios")));
        assertEquals(List.of("plot", "--metric", "cpu"), dispatcher.withSessionScenario(List.of("plot", "--metric",
                "cpu")));
        assertEquals(List.of("show", "--bogus"), dispatcher.withSessionScenario(List.of("show", "--bogus")),
                "left for the Cli to report");
    }

    @Test
    void setIsAllOrNothing() {
        session.use("xen-double");
        org.junit.jupiter.api.Assertions.assertThrows(org.vnetlab.config.ConfigError.class,
                () -> session.set(List.of("xen.domUs=3", "host.cpus=zero")));
        assertEquals(List.of(), session.sets());
        session.set(List.of("xen.domUs=3", "host.cpus=4"));
        assertEquals(List.of("xen.domUs=3", "host.cpus=4"), session.sets());
    }

    @Test
    void overridesSetBeforeAnyScenarioApplyToTheFirstUseAndFailItByName() {
        session.set("host.cpus=4");
        session.use("native");
        assertEquals(List.of("host.cpus=4"), session.sets(), "kept, not dropped unseen");
        Session other = new Session(new ScenarioLoader());
        other.set("host.cpus=0");
        org.vnetlab.config.ConfigError e = org.junit.jupiter.api.Assertions.assertThrows(
                org.vnetlab.config.ConfigError.class, () -> other.use("native"));
        assertEquals("set host.cpus=0: host.cpus: must be a positive integer, got 0", e.getMessage());
        assertEquals(java.util.Optional.empty(), other.scenario(), "a use that fails leaves none in use");
        // a value of the wrong kind fails its own set, not the use lines later
        org.vnetlab.config.ConfigError kind = org.junit.jupiter.api.Assertions.assertThrows(
                org.vnetlab.config.ConfigError.class, () -> new Session(new ScenarioLoader()).set("host.cpus=abc"));
        assertEquals("set host.cpus=abc: host.cpus: expected a number, got 'abc'", kind.getMessage());
    }

    @Test
    void useDropsTheOverrides() {
        session.use("xen-double");
        session.set("xen.domUs=3");
        session.use("native");
        assertEquals(List.of(), session.sets());
    }
}
