package org.vnetlab.console.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vnetlab.config.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A picocli parse error as vnetlab's one line: the command as typed, the flag or argument, what
 * was wrong and what would be valid, with "did you mean" where a near name exists.
 */
final class ErrorText {

    private ErrorText() {
    }

    static String of(ParameterException e, List<String> args) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String name = CommandTree.name(spec);
        String prefix = name.isEmpty() ? "" : name + ": ";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return prefix + unmatched(spec, name, u.getUnmatched().get(0));
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return prefix + label(o.getOverwritten()) + " given twice";
        }
        // a group's option given twice is too many matches of the group, not two of its options
        if (e instanceof CommandLine.MutuallyExclusiveArgsException || e instanceof CommandLine.MaxValuesExceededException) {
            return prefix + exclusive(spec, args).orElse(e.getMessage().replaceFirst("^Error: ", ""));
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            return prefix + missing(m);
        }
        if (e.getArgSpec() != null && e.getValue() != null && e.getCause() instanceof CommandLine.TypeConversionException c) {
            return prefix + label(e.getArgSpec()) + " " + e.getValue() + ": " + expected(e.getArgSpec(), c);
        }
        return prefix + e.getMessage();
    }

    private static String unmatched(CommandSpec spec, String name, String word) {
        List<String> subcommands = spec.subcommands().keySet().stream().filter(s -> !s.equals(CommandTree.HELP)).toList();
        if (!subcommands.isEmpty() && !word.startsWith("-")) {
            return name.isEmpty()
                    ? "unknown command '" + word + "'" + Suggest.hint(word, subcommands) + " (vnetlab --help lists them)"
                    : "unknown subcommand '" + word + "'" + Suggest.hint(word, subcommands) + " (expected "
                    + String.join("|", subcommands) + ")";
        }
        if (word.startsWith("-") && word.length() > 1 && !Character.isDigit(word.charAt(1))) {
            String flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> names = spec.options().stream().map(OptionSpec::longestName).toList();
            List<String> takers = new ArrayList<>();
            takers(spec.root(), flag, takers);
            // another command taking the very flag is a better lead than a look-alike of this one's
            String hint = takers.isEmpty() ? Suggest.hint(flag, names) : "";
            String elsewhere = !takers.isEmpty()
                    ? String.join(", ", takers.subList(0, Math.min(3, takers.size())))
                    + (takers.size() > 3 ? ", ..." : "") + (takers.size() == 1 ? " takes" : " take") + " it; "
                    : "";
            return "unknown option '" + flag + "'" + hint + " (" + elsewhere + "see vnetlab "
                    + (name.isEmpty() ? "" : name + " ") + "--help)";
        }
        return spec.positionalParameters().isEmpty() ? "takes no arguments, got '" + word + "'"
                : "unexpected argument '" + word + "' (see vnetlab " + name + " --help)";
    }

    /** The commands under {@code spec} that take {@code flag}, as typed ({@code vnetlab sweep}), tree order. */
    private static void takers(CommandSpec spec, String flag, List<String> into) {
        if (spec.findOption(flag) != null && !spec.name().equals(CommandTree.HELP)) {
            into.add(spec.qualifiedName(" "));
        }
        spec.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct()
                .forEach(sub -> takers(sub, flag, into));
    }

    private static String missing(CommandLine.MissingParameterException m) {
        ArgSpec first = m.getMissing().get(0);
        if (first.group() != null && first.group().exclusive()) {
            return oneOf(first.group());
        }
        if (first.isPositional()) {
            return "expected " + first.paramLabel();
        }
        // the flag is last, or another flag follows it where its value belongs (--seed --quiet)
        if (m.getMessage().startsWith("Missing required parameter for option")
                || m.getMessage().startsWith("Expected parameter for option")) {
            return label(first) + " needs a value (" + first.paramLabel() + ")";
        }
        return synopsis((OptionSpec) first) + " is required";
    }

    /**
     * The exclusive group two or more of whose options the line gave, or the option of one that it
     * gave twice (picocli reports {@code --tcp --tcp} and {@code -4 --ipv4} as two matches of the group).
     */
    private static Optional<String> exclusive(CommandSpec spec, List<String> args) {
        List<ArgGroupSpec> groups = new ArrayList<>();
        collect(spec.argGroups(), groups);
        for (ArgGroupSpec g : groups) {
            if (!g.exclusive()) {
                continue;
            }
            long given = g.options().stream().filter(o -> times(o, args) > 0).count();
            if (given > 1) {
                return Optional.of(oneOf(g));
            }
            Optional<OptionSpec> twice = g.options().stream().filter(o -> times(o, args) > 1).findFirst();
            if (twice.isPresent()) {
                return Optional.of(label(twice.get()) + " given twice");
            }
        }
        return Optional.empty();
    }

    /** How often the line gives {@code o}, by any of its names. */
    private static long times(OptionSpec o, List<String> args) {
        return args.stream().filter(a -> Arrays.stream(o.names()).anyMatch(n -> a.equals(n) || a.startsWith(n + "=")))
                .count();
    }

    private static void collect(List<ArgGroupSpec> groups, List<ArgGroupSpec> into) {
        for (ArgGroupSpec g : groups) {
            into.add(g);
            collect(g.subgroups(), into);
        }
    }

    private static String oneOf(ArgGroupSpec g) {
        List<String> options = g.options().stream().map(ErrorText::synopsis).toList();
        String list = options.size() == 2 ? options.get(0) + " and " + options.get(1) : String.join(", ", options);
        return "give " + (g.multiplicity().min() > 0 ? "exactly" : "at most") + " one of " + list;
    }

    private static String expected(ArgSpec arg, CommandLine.TypeConversionException c) {
        if (arg.converters().length > 0) {
            return c.getMessage(); // a vnetlab converter: its message says what is valid
        }
        Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            arg.completionCandidates().forEach(values::add);
            return "expected " + String.join(", ", values.subList(0, values.size() - 1)) + " or "
                    + values.get(values.size() - 1);
        }
        if (type == int.class || type == Integer.class) {
            return "expected an integer";
        }
        if (type == long.class || type == Long.class) {
            return "expected an integer, " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == double.class || type == Double.class) {
            return "expected a number";
        }
        return c.getMessage();
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static String synopsis(OptionSpec o) {
        return o.arity().max() == 0 ? o.longestName() : o.longestName() + " " + o.paramLabel();
    }
}
