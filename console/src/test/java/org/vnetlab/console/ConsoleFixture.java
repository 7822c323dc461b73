package org.vnetlab.console;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.repl.ScriptRunner;
import org.vnetlab.console.repl.SessionDispatcher;
import org.vnetlab.console.session.Session;
import org.vnetlab.live.LiveSettings;

/** The console's commands plus {@link FakeSweepCommand}, for tests in-process and in a terminal. */
public final class ConsoleFixture {

    private ConsoleFixture() {
    }

    public static Cli cli(Session session) {
        LiveSettings live = LiveSettings.load();
        return new Cli(() -> {
            List<Object> all = new ArrayList<>(Commands.consoleCommands(session, live));
            all.add(new FakeSweepCommand(session.loader()));
            return all;
        });
    }

    /** Output of a console script run in-process. */
    public record Run(int code, String out, String err, Session session) {
    }

    public static Run script(Session session, String script) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, () -> false, 100, true,
                session::setLastResult);
        int code = new ScriptRunner(new SessionDispatcher(cli(session), session))
                .run(new BufferedReader(new StringReader(script)), io);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), session);
    }
}
