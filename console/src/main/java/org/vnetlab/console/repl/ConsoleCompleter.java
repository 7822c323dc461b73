package org.vnetlab.console.repl;

import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.ScenarioCommand;
import org.vnetlab.console.session.Session;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Tab completion from the commands' picocli declarations: command and subcommand names with
 * their descriptions; flags, and a flag's values where its type lists them (picocli's own
 * completion, through picocli-shell-jline3); scenario names where a command takes a scenario;
 * {@code --set KEY=VALUE} keys, then their values; keys for {@code set} and {@code unset}; paths
 * where a value is a {@code FILE} or {@code DIR}.
 */
public final class ConsoleCompleter implements Completer {

    private static final List<String> CONSOLE_WORDS = List.of("exit", "quit");

    private final SessionDispatcher dispatcher;
    private final ScenarioLoader loader;
    private final KeyChoices choices;
    private final Completer picocli;
    private final Completer files = new Completers.FileNameCompleter();

    public ConsoleCompleter(SessionDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.loader = dispatcher.session().loader();
        this.choices = new KeyChoices(loader.defaults());
        this.picocli = new PicocliJLineCompleter(dispatcher.cli().model().getCommandSpec());
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        CommandLine at = dispatcher.cli().model();
        int consumed = 0;
        boolean help = !words.isEmpty() && words.get(0).equals("help");
        if (help) {
            consumed = 1;
        }
        while (consumed < index && at.getSubcommands().containsKey(words.get(consumed))) {
            at = at.getSubcommands().get(words.get(consumed));
            consumed++;
        }
        if (consumed == index && (help || !at.getSubcommands().isEmpty())) {
            at.getSubcommands().forEach((name, sub) -> candidates.add(word(name, summary(sub.getCommandSpec()))));
            if (index == 0) {
                CONSOLE_WORDS.forEach(w -> candidates.add(word(w, null)));
            }
            return;
        }
        if (help || at == dispatcher.cli().model()) {
            return;
        }
        CommandSpec spec = at.getCommandSpec();
        OptionSpec valueOf = spec.findOption(words.get(index - 1));
        if (valueOf != null && valueOf.arity().max() > 0) {
            values(valueOf, reader, line, candidates);
        } else if (line.word().startsWith("-")) {
            picocli.complete(reader, line, candidates);
        } else if (!spec.positionalParameters().isEmpty()) {
            positional(spec, spec.positionalParameters().get(0), reader, line, candidates);
        }
    }

    private void values(OptionSpec option, LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (option.paramLabel().equals("KEY=VALUE")) {
            keyValues(line.word(), candidates);
        } else if (option.completionCandidates() != null) {
            picocli.complete(reader, line, candidates);
        } else {
            byLabel(option.paramLabel(), reader, line, candidates);
        }
    }

    private void positional(CommandSpec spec, ArgSpec first, LineReader reader, ParsedLine line,
                            List<Candidate> candidates) {
        String label = first.paramLabel();
        if (spec.userObject() instanceof ScenarioCommand) {
            scenarios(reader, line, candidates);
        } else if (label.equals("KEY=VALUE")) {
            keyValues(line.word(), candidates);
        } else if (label.equals("KEY")) {
            dispatcher.session().overriddenKeys().forEach(k -> candidates.add(word(k, null)));
        } else {
            byLabel(label, reader, line, candidates);
        }
    }

    /** Scenario names for NAME|FILE, paths for FILE, DIR and KEYSTORE. */
    private void byLabel(String label, LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (label.startsWith("NAME|FILE")) {
            scenarios(reader, line, candidates);
        } else if (label.contains("FILE") || label.contains("DIR") || label.contains(".json") || label.contains("KEYSTORE")) {
            files.complete(reader, line, candidates);
        }
    }

    private void scenarios(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        loader.catalog().names().forEach(n -> candidates.add(word(n, loader.catalog().description(n))));
        files.complete(reader, line, candidates);
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
        for (String value : choices.values(key)) {
            candidates.add(new Candidate(key + "=" + value, value, null, null, null, null, true));
        }
    }

    private static String summary(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        return d.length == 0 ? null : d[0];
    }

    private static Candidate word(String value, String description) {
        return new Candidate(value, value, null, description, null, null, true);
    }
}
