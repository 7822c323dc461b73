package org.vnetlab.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.ConsoleFixture;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.session.Session;

/** The interactive console on a JLine terminal that is not the process's own. */
class ReplTest {

    /** What the console writes to a terminal of {@code size} that types {@code keys}. */
    private static String session(Size size, String keys) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Session session = new Session(new ScenarioLoader());
        SessionDispatcher dispatcher = new SessionDispatcher(ConsoleFixture.cli(session), session);
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm").encoding(StandardCharsets.UTF_8)
                .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen).size(size).build()) {
            assertEquals(Cli.OK, new Repl(dispatcher, new ConsoleCompleter(dispatcher), Optional.empty()).run(terminal));
        }
        return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]|\u001b[=>]", "");
    }

    @Test
    void aTerminalOfNoColumnsIsTakenAsEightyWide() throws IOException {
        String screen = session(new Size(0, 0), "exit\r");
        // the whole prompt, not '>' and an ellipsis; what follows it is not checked, as the terminal may
        // echo the keys, which are all there at once, before the line reader takes them
        assertTrue(screen.contains("vnetlab> "), screen);
    }
}
