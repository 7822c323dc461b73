package org.vnetlab.console.cli;

import java.util.List;
import java.util.function.Function;
import org.vnetlab.config.Version;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Builds the picocli command tree: the root {@code vnetlab}, its commands and groups, a
 * {@code --help} on every command, and one help layout for all of them.
 */
public final class CommandTree {

    /** The word that prints a command's help: {@code vnetlab help sim}. */
    public static final String HELP = "help";
    static final int MIN_WIDTH = 60;
    static final int MAX_WIDTH = 120;

    private CommandTree() {
    }

    /** A new tree over {@code commands}: {@link Command}s and {@link Group}s. */
    public static CommandLine of(List<Object> commands) {
        CommandSpec root = CommandSpec.create().name("vnetlab");
        root.addOption(OptionSpec.builder("--version").versionHelp(true).description("print the version").build());
        UsageMessageSpec usage = root.usageMessage();
        usage.header("vnetlab " + Version.current() + ": predicts and measures what virtualisation does to network"
                        + " processing.", "")
                .customSynopsis("usage: vnetlab COMMAND [OPTIONS]   (vnetlab help COMMAND for its options)")
                .commandListHeading("%ncommands:%n")
                .footer("", "exit codes: 0 success, 1 runtime failure, 2 usage or configuration error");
        CommandLine tree = new CommandLine(root);
        for (Object c : commands) {
            tree.addSubcommand(build(c));
        }
        tree.addSubcommand(HELP, new CommandLine(CommandSpec.create().name(HELP)
                .addPositional(CommandLine.Model.PositionalParamSpec.builder().paramLabel("COMMAND").arity("0..2")
                        .type(String[].class).build())));
        tree.getSubcommands().get(HELP).getCommandSpec().usageMessage()
                .description("print a command's options: help COMMAND [SUBCOMMAND]");
        asciiNumbers(tree);
        style(tree);
        return tree;
    }

    /**
     * Picocli's own number types parse with Java's parsers, which read any script's digits ('٣' as 3)
     * and whose failures would reach the user as the parser's own text ({@code For input string: "abc"}):
     * a failure here is a {@link TypeConversionException}, which {@link ErrorText} words by the type.
     */
    private static void asciiNumbers(CommandLine tree) {
        tree.registerConverter(Integer.class, asciiNumber(Integer::valueOf));
        tree.registerConverter(int.class, asciiNumber(Integer::valueOf));
        tree.registerConverter(Long.class, asciiNumber(Long::valueOf));
        tree.registerConverter(long.class, asciiNumber(Long::valueOf));
        tree.registerConverter(Double.class, asciiNumber(Double::valueOf));
        tree.registerConverter(double.class, asciiNumber(Double::valueOf));
    }

    private static <T> ITypeConverter<T> asciiNumber(Function<String, T> parse) {
        return s -> {
            try {
                return parse.apply(Converters.ascii(s));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("not a number: " + s);
            }
        };
    }

    private static CommandLine build(Object command) {
        if (command instanceof Group g) {
            CommandLine group = new CommandLine(CommandSpec.create().name(g.name()));
            group.getCommandSpec().usageMessage().description(g.summary());
            for (Object c : g.commands()) {
                group.addSubcommand(build(c));
            }
            return group;
        }
        return new CommandLine(command);
    }

    /** The same layout everywhere; every command gets -h, --help. */
    private static void style(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.optionsMap().get("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("print this help").build());
        }
        UsageMessageSpec usage = spec.usageMessage();
        usage.synopsisHeading("usage: ").abbreviateSynopsis(true).descriptionHeading("%n")
                .parameterListHeading("%narguments:%n").optionListHeading("%noptions:%n")
                .sortOptions(false);
        if (spec.parent() == null) {
            usage.synopsisHeading("");
        } else if (!command.getSubcommands().isEmpty()) {
            usage.customSynopsis("usage: vnetlab " + name(spec) + " " + String.join("|", command.getSubcommands().keySet())
                            + " [OPTIONS]")
                    .synopsisHeading("").commandListHeading("%nsubcommands:%n")
                    .footer("", "(vnetlab help " + name(spec) + " SUBCOMMAND for its options)");
        }
        command.setCaseInsensitiveEnumValuesAllowed(false);
        for (CommandLine sub : command.getSubcommands().values()) {
            style(sub);
        }
    }

    /** The command as the user typed it, e.g. {@code measure client}; empty for the root. */
    public static String name(CommandSpec spec) {
        String q = spec.qualifiedName(" ");
        int space = q.indexOf(' ');
        return space < 0 ? "" : q.substring(space + 1);
    }
}
