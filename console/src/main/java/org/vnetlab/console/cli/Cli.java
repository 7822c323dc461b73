package org.vnetlab.console.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.config.ConfigError;
import org.vnetlab.core.text.TerminalText;
import org.vnetlab.config.Suggest;
import org.vnetlab.core.text.JsonInputException;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Parses a command line with picocli into a fresh instance of its command, runs it, and turns
 * failures into one line on stderr and an exit code: {@value #OK} success, {@value #FAILURE}
 * runtime failure, {@value #USAGE} usage or configuration error. Help comes from the commands'
 * annotations ({@link CommandTree}).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    /** The most characters of a mistake's line. */
    private static final int MAX_ERROR_CHARS = 1000;

    private final Supplier<List<Object>> commands;
    private CommandLine model;

    /** @param commands makes the commands ({@link Command}s and {@link Group}s), new instances at every call */
    public Cli(Supplier<List<Object>> commands) {
        this.commands = commands;
    }

    /**
     * The command tree for reading (completion, help, the console's session logic); never run,
     * so its fields are never filled.
     */
    public synchronized CommandLine model() {
        if (model == null) {
            model = CommandTree.of(commands.get());
        }
        return model;
    }

    /**
     * Parses {@code args} into a fresh tree without failing: mistakes are collected in the result,
     * so the console can see what a line names before running it.
     */
    public ParseResult parseLeniently(List<String> args) {
        CommandLine tree = CommandTree.of(commands.get());
        collectErrors(tree);
        return tree.parseArgs(args.toArray(String[]::new));
    }

    private static void collectErrors(CommandLine command) {
        command.getCommandSpec().parser().collectErrors(true);
        command.getSubcommands().values().forEach(Cli::collectErrors);
    }

    public int run(List<String> args, Terminal io) {
        return run(args, io, "");
    }

    /**
     * Runs {@code args} as {@link #run(List, Terminal)} does.
     *
     * @param where what an error's line names after {@code vnetlab: }, such as {@code line 3: } for
     *              the third line of a console script; empty on the command line
     */
    public int run(List<String> args, Terminal io, String where) {
        try {
            if (args.isEmpty()) {
                io.out().print(usage(model(), io));
                return OK;
            }
            if (args.get(0).equals(CommandTree.HELP)) {
                return help(args.subList(1, args.size()), io);
            }
            CommandLine tree = CommandTree.of(commands.get());
            ParseResult parsed = tree.parseArgs(args.toArray(String[]::new));
            if (parsed.isVersionHelpRequested()) {
                if (args.size() > 1) {
                    // picocli stops at a help option and leaves the rest unread
                    throw new UsageError("--version takes nothing else; got " + String.join(" ", args));
                }
                io.out().println("vnetlab " + org.vnetlab.config.Version.current());
                return OK;
            }
            Optional<CommandLine> helped = helpAsked(parsed);
            if (helped.isPresent()) {
                io.out().print(usage(helped.get(), io));
                return OK;
            }
            ParseResult leaf = parsed;
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            if (leaf.commandSpec().userObject() instanceof Command command) {
                return command.run(io);
            }
            if (leaf == parsed) {
                io.out().print(usage(tree, io));
                return OK;
            }
            CommandLine group = leaf.commandSpec().commandLine();
            throw new UsageError(CommandTree.name(group.getCommandSpec()) + ": expected a subcommand, one of "
                    + String.join("|", group.getSubcommands().keySet()) + " (vnetlab help "
                    + CommandTree.name(group.getCommandSpec()) + ")");
        } catch (ParameterException e) {
            Optional<CommandLine> helped = helpAsked(args);
            if (helped.isPresent()) {
                io.out().print(usage(helped.get(), io));
                return OK;
            }
            error(io, where + ErrorText.of(e, args));
            return USAGE;
        } catch (UsageError | ConfigError | JsonInputException e) {
            error(io, where + e.getMessage());
            return USAGE;
        } catch (CommandFailure e) {
            error(io, where + e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(io, where + "interrupted");
            return FAILURE;
        } catch (Exception e) {
            LOG.debug("command failed", e);
            error(io, where + "error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return FAILURE;
        }
    }

    /** The command whose --help the parsed line gives, if any. */
    private static Optional<CommandLine> helpAsked(ParseResult parsed) {
        for (ParseResult at = parsed; at != null; at = at.hasSubcommand() ? at.subcommand() : null) {
            if (at.isUsageHelpRequested()) {
                return Optional.of(at.commandSpec().commandLine());
            }
        }
        return Optional.empty();
    }

    /**
     * The command whose --help a line that does not parse gives, found by a parse that goes on
     * past mistakes: help wins over a bad value, as in other tools ({@code sim x --seed abc --help}).
     */
    private Optional<CommandLine> helpAsked(List<String> args) {
        try {
            return helpAsked(parseLeniently(args));
        } catch (ParameterException e) {
            return Optional.empty();
        }
    }

    /**
     * A mistake's one line on stderr. It quotes what the user typed or a file held, so control
     * characters are escaped (an escape sequence would reach the terminal) and a huge line is cut.
     */
    public static void error(Terminal io, String message) {
        io.err().println(errorLine(message));
    }

    /** The line {@link #error} prints. */
    public static String errorLine(String message) {
        return "vnetlab: " + TerminalText.controlsEscaped(message, MAX_ERROR_CHARS);
    }

    /** {@code help [COMMAND [SUBCOMMAND]]}: the usage of that command, from its annotations. */
    private int help(List<String> topic, Terminal io) {
        CommandLine at = model();
        for (String word : topic) {
            if (word.equals("-h") || word.equals("--help")) {
                // help sim --help: the usage asked for so far
                break;
            }
            Optional<CommandLine> sub = Optional.ofNullable(at.getSubcommands().get(word));
            if (sub.isEmpty()) {
                String where = CommandTree.name(at.getCommandSpec());
                throw new UsageError("help: no command '" + (where.isEmpty() ? "" : where + " ") + word + "'"
                        + Suggest.hint(word, at.getSubcommands().keySet()));
            }
            at = sub.get();
        }
        io.out().print(usage(at, io));
        return OK;
    }

    private static String usage(CommandLine command, Terminal io) {
        command.setUsageHelpWidth(Math.max(CommandTree.MIN_WIDTH, Math.min(io.width(), CommandTree.MAX_WIDTH)));
        return command.getUsageMessage(Ansi.OFF);
    }
}
