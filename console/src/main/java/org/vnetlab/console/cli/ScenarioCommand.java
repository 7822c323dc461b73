package org.vnetlab.console.cli;

/**
 * A command whose first positional parameter is a scenario ({@code NAME|FILE}) and which takes
 * {@code --set}: inside the console, a line that names no scenario gets the session's scenario
 * and its {@code set} overrides.
 */
public interface ScenarioCommand extends Command {
}
