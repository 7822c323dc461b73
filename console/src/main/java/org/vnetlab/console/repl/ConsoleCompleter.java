package org.vnetlab.console.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.CommandGroup;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.commands.ScenarioOptions;
import org.vnetlab.console.session.Session;

/**
 * Tab completion from the commands' own declarations: command names; their flags; a flag's
 * value from its usage form ({@code --metric throughput|cpu} offers both, a {@code FILE} or
 * {@code DIR} argument completes paths, {@code --set KEY=VALUE} completes keys, then values);
 * scenario names for scenario commands and {@code use}; keys for {@code set} and {@code unset};
 * paths where the usage names a {@code FILE} or a {@code .json} file.
 */
public final class ConsoleCompleter implements Completer {

    private static final List<String> CONSOLE_WORDS = List.of("help", "exit", "quit");

    private final SessionDispatcher dispatcher;
    private final ScenarioLoader loader;
    private final KeyChoices choices;
    private final Completer files = new Completers.FileNameCompleter();

    public ConsoleCompleter(SessionDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.loader = dispatcher.session().loader();
        this.choices = new KeyChoices(loader.defaults());
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            dispatcher.cli().commands().forEach(c -> candidates.add(word(c.name(), c.summary())));
            CONSOLE_WORDS.forEach(w -> candidates.add(word(w, null)));
            return;
        }
        String first = words.get(0);
        if (first.equals("help") && index == 1) {
            dispatcher.cli().commands().forEach(c -> candidates.add(word(c.name(), c.summary())));
            return;
        }
        Optional<Command> found = dispatcher.cli().command(first);
        if (found.isEmpty()) {
            return;
        }
        Command command = found.get();
        // a group (measure, testbed, bench): its subcommand words first, then the subcommand's own
        int consumed = 1;
        while (command instanceof CommandGroup group) {
            if (index == consumed) {
                group.subcommands().forEach(c -> candidates.add(word(c.name().substring(c.name().lastIndexOf(' ') + 1),
                        c.summary())));
                return;
            }
            Optional<Command> sub = group.subcommand(words.get(consumed));
            if (sub.isEmpty()) {
                return;
            }
            command = sub.get();
            consumed++;
        }
        Optional<Option> valueOf = option(command, words.get(index - 1)).filter(Option::takesValue);
        if (valueOf.isPresent()) {
            values(valueOf.get(), reader, line, candidates);
        } else if (line.word().startsWith("-")) {
            command.options().forEach(o -> candidates.add(word(o.name(), o.help())));
            candidates.add(word("--help", "print the command's help"));
        } else {
            positional(command, reader, line, candidates);
        }
    }

    private static Optional<Option> option(Command command, String word) {
        return command.options().stream().filter(o -> o.name().equals(word) || word.equals(o.alias())).findFirst();
    }

    private void values(Option option, LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String argument = option.argument();
        if (option.name().equals(ScenarioOptions.SET.name())) {
            keyValues(line.word(), candidates);
        } else if (argument.contains("|")) {
            for (String choice : argument.split("\\|")) {
                candidates.add(word(choice, null));
            }
        } else if (argument.contains("FILE") || argument.contains("DIR")) {
            files.complete(reader, line, candidates);
        }
    }

    private void positional(Command command, LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String arguments = command.arguments();
        if (command.takesScenario() || arguments.startsWith("NAME|FILE")) {
            loader.catalog().names().forEach(n -> candidates.add(word(n, loader.catalog().description(n))));
            files.complete(reader, line, candidates);
        } else if (arguments.contains("KEY=VALUE")) {
            keyValues(line.word(), candidates);
        } else if (arguments.startsWith("KEY")) {
            dispatcher.session().overriddenKeys().forEach(k -> candidates.add(word(k, null)));
        } else if (arguments.contains("FILE") || arguments.contains(".json")) {
            files.complete(reader, line, candidates);
        }
    }

    /** {@code KEY=} for every key (not finished, so no space follows); after the '=', that key's values. */
    private void keyValues(String word, List<Candidate> candidates) {
        int eq = word.indexOf('=');
        if (eq < 0) {
            for (String key : loader.knownKeys()) {
                candidates.add(new Candidate(key + "=", key, null, null, null, null, false));
            }
            return;
        }
        String key = word.substring(0, eq);
        List<String> values = new ArrayList<>(choices.values(key));
        for (String value : values) {
            candidates.add(new Candidate(key + "=" + value, value, null, null, null, null, true));
        }
    }

    private static Candidate word(String value, String description) {
        return new Candidate(value, value, null, description, null, null, true);
    }
}
