package org.vnetlab.console.cli;

import java.util.List;

/** A vnetlab command: the same object serves the command line, the console and their help. */
public interface Command {

    /** The word that runs it, e.g. {@code sim}. */
    String name();

    /** What comes after the name in usage, e.g. {@code SCENARIO|FILE}. */
    String arguments();

    /** One line saying what it does. */
    String summary();

    /** Its options, in the order help lists them (--help is added for every command). */
    List<Option> options();

    /**
     * True when the first positional argument is a scenario ({@code NAME|FILE}) and the command
     * accepts {@code --set}: inside the console, a command line without a scenario then gets the
     * session's scenario and its {@code set} overrides.
     */
    default boolean takesScenario() {
        return false;
    }

    /**
     * Runs it; returns the exit code (0 success, 1 runtime failure). A command that produces a
     * {@link org.vnetlab.core.result.Result} hands it to {@link Terminal#publish}, also when it
     * stops early because {@link Terminal#isCancelled()} became true.
     */
    int run(ParsedArgs args, Terminal io) throws Exception;
}
