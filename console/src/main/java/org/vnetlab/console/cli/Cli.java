package org.vnetlab.console.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.Suggest;
import org.vnetlab.config.Version;
import org.vnetlab.core.text.JsonInputException;

/**
 * Dispatches a command line to its command, prints help generated from the commands'
 * declarations, and turns failures into one line on stderr and an exit code:
 * {@value #OK} success, {@value #FAILURE} runtime failure, {@value #USAGE} usage or configuration error.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    private static final Option HELP = Option.flag("--help", "print this help").withAlias("-h");

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    public List<Command> commands() {
        return List.copyOf(commands.values());
    }

    public Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public int run(List<String> args, Terminal io) {
        try {
            if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
                io.out().print(overview());
                return OK;
            }
            if (args.get(0).equals("help")) {
                return help(args.subList(1, args.size()), io);
            }
            if (args.get(0).equals("--version")) {
                io.out().println("vnetlab " + Version.current());
                return OK;
            }
            Command c = commands.get(args.get(0));
            if (c == null) {
                throw new UsageError("unknown command '" + args.get(0) + "'" + Suggest.hint(args.get(0), commands.keySet())
                        + " (vnetlab --help lists them)");
            }
            List<String> rest = args.subList(1, args.size());
            while (c instanceof CommandGroup g) {
                if (rest.isEmpty()) {
                    throw new UsageError(g.name() + ": expected a subcommand, one of " + g.arguments()
                            + " (vnetlab help " + g.name() + ")");
                }
                if (rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
                    io.out().print(g.usage());
                    return OK;
                }
                String word = rest.get(0);
                c = g.subcommand(word).orElseThrow(() -> new UsageError(g.name() + ": unknown subcommand '" + word
                        + "'" + Suggest.hint(word, g.subcommands().stream().map(s -> s.name().substring(
                        s.name().lastIndexOf(' ') + 1)).toList()) + " (expected " + g.arguments() + ")"));
                rest = rest.subList(1, rest.size());
            }
            if (rest.contains("--help") || rest.contains("-h")) {
                io.out().print(usage(c));
                return OK;
            }
            return c.run(ParsedArgs.parse(c.name(), c.options(), rest), io);
        } catch (UsageError | ConfigError e) {
            io.err().println("vnetlab: " + e.getMessage());
            return USAGE;
        } catch (JsonInputException e) {
            io.err().println("vnetlab: " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            io.err().println("vnetlab: interrupted");
            return FAILURE;
        } catch (Exception e) {
            LOG.debug("command failed", e);
            io.err().println("vnetlab: error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return FAILURE;
        }
    }

    private int help(List<String> topic, Terminal io) {
        if (topic.isEmpty()) {
            io.out().print(overview());
            return OK;
        }
        Command c = commands.get(topic.get(0));
        if (c == null) {
            throw new UsageError("help: no command '" + topic.get(0) + "'" + Suggest.hint(topic.get(0), commands.keySet()));
        }
        if (c instanceof CommandGroup g) {
            Optional<Command> sub = topic.size() > 1 ? g.subcommand(topic.get(1)) : Optional.empty();
            io.out().print(sub.isPresent() ? usage(sub.get()) : g.usage());
            return OK;
        }
        io.out().print(usage(c));
        return OK;
    }

    public String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append("vnetlab ").append(Version.current())
                .append(": predicts and measures what virtualisation does to network processing.\n\n")
                .append("usage: vnetlab COMMAND [OPTIONS]   (vnetlab help COMMAND for its options)\n\n")
                .append("commands:\n");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(8) + 2;
        for (Command c : commands.values()) {
            sb.append("  ").append(pad(c.name(), width)).append(c.summary()).append('\n');
        }
        sb.append("\n  --help     this help\n  --version  print the version\n\n")
                .append("exit codes: 0 success, 1 runtime failure, 2 usage or configuration error\n");
        return sb.toString();
    }

    public static String usage(Command c) {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: vnetlab ").append(c.name());
        if (!c.arguments().isEmpty()) {
            sb.append(' ').append(c.arguments());
        }
        sb.append(c.options().isEmpty() ? "\n" : " [OPTIONS]\n");
        sb.append('\n').append(c.summary()).append('\n');
        List<Option> all = new ArrayList<>(c.options());
        all.add(HELP);
        sb.append("\noptions:\n");
        int width = all.stream().mapToInt(o -> o.synopsis().length()).max().orElse(10) + 2;
        for (Option o : all) {
            sb.append("  ").append(pad(o.synopsis(), width)).append(o.help());
            if (o.defaultValue() != null) {
                sb.append(" (default: ").append(o.defaultValue()).append(')');
            }
            if (o.repeatable()) {
                sb.append(" (repeatable)");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
