package org.vnetlab.console.cli;

/**
 * A command whose first positional parameter is a scenario ({@code NAME|FILE}) and which takes
 * {@code --set}: inside the console, a line that names no scenario gets the session's scenario
 * and its {@code set} overrides.
 */
public interface ScenarioCommand extends Command {

    /** The flag that overrides a scenario key. */
    String SET = "--set";

    /** The flag the console hands its session's overrides with: they belong to the scenario as chosen. */
    default String sessionSetFlag() {
        return SET;
    }
}
