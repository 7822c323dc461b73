package org.vnetlab.console.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command word that takes a subcommand, such as {@code measure server}: the group dispatches on
 * the next word. Each subcommand's {@link Command#name()} is the full phrase ("measure server"),
 * so its usage and errors read as the user typed it.
 */
public final class CommandGroup implements Command {

    private final String name;
    private final String summary;
    private final Map<String, Command> subcommands = new LinkedHashMap<>();

    public CommandGroup(String name, String summary, List<Command> subcommands) {
        this.name = name;
        this.summary = summary;
        for (Command c : subcommands) {
            String word = c.name().substring(c.name().lastIndexOf(' ') + 1);
            this.subcommands.put(word, c);
        }
    }

    public Optional<Command> subcommand(String word) {
        return Optional.ofNullable(subcommands.get(word));
    }

    public List<Command> subcommands() {
        return List.copyOf(subcommands.values());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String arguments() {
        return String.join("|", subcommands.keySet());
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    /** Never reached: {@link Cli} dispatches to the subcommand. */
    @Override
    public int run(ParsedArgs args, Terminal io) {
        throw new UsageError(name + ": expected one of " + arguments());
    }

    /** The group's help: its subcommands, one line each. */
    public String usage() {
        StringBuilder sb = new StringBuilder("usage: vnetlab ").append(name).append(' ').append(arguments())
                .append(" [OPTIONS]\n\n").append(summary).append("\n\nsubcommands:\n");
        int width = subcommands.keySet().stream().mapToInt(String::length).max().orElse(8) + 2;
        subcommands.forEach((word, c) -> sb.append("  ").append(word)
                .append(" ".repeat(width - word.length())).append(c.summary()).append('\n'));
        sb.append("\n(vnetlab help ").append(name).append(" SUBCOMMAND for its options)\n");
        return sb.toString();
    }
}
