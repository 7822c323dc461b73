package org.vnetlab.console.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.jline.terminal.TerminalBuilder;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.console.session.Session;

/**
 * {@code vnetlab console}: the interactive console on a terminal, or the same commands read line
 * by line from standard input when that is not a terminal.
 */
public final class ConsoleCommand implements Command {

    /** The history file, in the user's home directory. */
    public static final String HISTORY = ".vnetlab_history";

    private final ScenarioLoader loader;
    private final Function<Session, Cli> commandsFor;

    /** @param commandsFor the console's commands, given the session they share */
    public ConsoleCommand(ScenarioLoader loader, Function<Session, Cli> commandsFor) {
        this.loader = loader;
        this.commandsFor = commandsFor;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "interactive console with a session scenario, completion and history (reads a script from a pipe)";
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public int run(ParsedArgs args, Terminal io) throws IOException {
        if (!args.positional().isEmpty()) {
            throw new UsageError("console: takes no arguments");
        }
        Session session = new Session(loader);
        SessionDispatcher dispatcher = new SessionDispatcher(commandsFor.apply(session), session);
        if (System.console() == null) {
            Terminal script = new Terminal(io.out(), io.err(), false, io.cancelled(), io.width(), io.unicode(),
                    session::setLastResult);
            return new ScriptRunner(dispatcher).run(
                    new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())), script);
        }
        try (org.jline.terminal.Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Path history = Path.of(System.getProperty("user.home"), HISTORY);
            return new Repl(dispatcher, new ConsoleCompleter(dispatcher), history).run(terminal);
        }
    }
}
