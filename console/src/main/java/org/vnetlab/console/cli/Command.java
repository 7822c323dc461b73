package org.vnetlab.console.cli;

/**
 * A vnetlab command: a class annotated with picocli's {@code @Command}, whose {@code @Option}
 * and {@code @Parameters} fields are the command line's declaration. The same annotations give
 * the parser, the help and the console's completion. {@link Cli} parses a line into a fresh
 * instance and calls {@link #run}.
 */
public interface Command {

    /**
     * Runs it; returns the exit code (0 success, 1 runtime failure). A command that produces a
     * {@link org.vnetlab.core.result.Result} hands it to {@link Terminal#publish}, also when it
     * stops early because {@link Terminal#isCancelled()} became true.
     */
    int run(Terminal io) throws Exception;
}
