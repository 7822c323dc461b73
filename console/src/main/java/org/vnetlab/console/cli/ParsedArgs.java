package org.vnetlab.console.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A command line split into options and positional arguments, checked against a command's options. */
public final class ParsedArgs {

    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private ParsedArgs(String command) {
        this.command = command;
    }

    /** Parses {@code args} for a command that accepts {@code options}; "--" ends the options. */
    public static ParsedArgs parse(String command, List<Option> options, List<String> args) {
        ParsedArgs p = new ParsedArgs(command);
        boolean onlyPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (onlyPositional || !a.startsWith("-") || a.equals("-")) {
                p.positional.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyPositional = true;
                continue;
            }
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            Option o = find(options, name).orElseThrow(() -> unknown(command, a, options));
            String value = null;
            if (o.takesValue()) {
                if (inline != null) {
                    value = inline;
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageError(command + ": " + o.name() + " needs a value (" + o.argument() + ")");
                }
            } else if (inline != null) {
                throw new UsageError(command + ": " + o.name() + " takes no value");
            }
            List<String> list = p.values.computeIfAbsent(o.name(), k -> new ArrayList<>());
            if (!o.repeatable() && !list.isEmpty()) {
                throw new UsageError(command + ": " + o.name() + " given twice");
            }
            list.add(value);
        }
        return p;
    }

    private static Optional<Option> find(List<Option> options, String name) {
        return options.stream().filter(o -> o.name().equals(name) || name.equals(o.alias())).findFirst();
    }

    private static UsageError unknown(String command, String arg, List<Option> options) {
        List<String> names = options.stream().map(Option::name).toList();
        String hint = org.vnetlab.config.Suggest.hint(arg, names);
        return new UsageError(command + ": unknown option '" + arg + "'" + hint
                + " (see vnetlab " + command + " --help)");
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** The value converted by {@code parse}; a conversion failure is a usage error naming the flag. */
    public <T> Optional<T> value(String name, Function<String, T> parse, String valid) {
        return value(name).map(v -> {
            try {
                return parse.apply(v);
            } catch (RuntimeException e) {
                throw new UsageError(command + ": " + name + " " + v + ": " + valid);
            }
        });
    }

    public int positiveInt(String name, int fallback) {
        int v = value(name, Integer::parseInt, "expected a positive integer").orElse(fallback);
        if (v <= 0) {
            throw new UsageError(command + ": " + name + " " + v + ": expected a positive integer");
        }
        return v;
    }

    public Optional<Path> path(String name) {
        return value(name).map(Path::of);
    }

    /** Exactly one positional argument, or a usage error naming what was expected. */
    public String single(String what) {
        if (positional.size() != 1) {
            throw new UsageError(command + ": expected one " + what + ", got "
                    + (positional.isEmpty() ? "none" : String.join(" ", positional)));
        }
        return positional.get(0);
    }

    /** At most one positional argument. */
    public Optional<String> optional(String what) {
        if (positional.size() > 1) {
            throw new UsageError(command + ": expected at most one " + what + ", got " + String.join(" ", positional));
        }
        return positional.stream().findFirst();
    }

    public String command() {
        return command;
    }
}
