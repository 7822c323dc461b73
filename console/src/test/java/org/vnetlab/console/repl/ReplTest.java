package org.vnetlab.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

    private static final String PROMPT = "vnetlab> ";

    /** What the console writes to a terminal of {@code size} on which {@code keys} are typed once it prompts. */
    private static String session(Size size, String keys) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Session session = new Session(new ScenarioLoader());
        SessionDispatcher dispatcher = new SessionDispatcher(ConsoleFixture.cli(session), session);
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm").encoding(StandardCharsets.UTF_8)
                .streams(new TypedAfterPrompt(screen, keys), screen).size(size).build()) {
            assertEquals(Cli.OK, new Repl(dispatcher, new ConsoleCompleter(dispatcher), Optional.empty()).run(terminal));
        }
        return plain(screen);
    }

    private static String plain(ByteArrayOutputStream screen) {
        return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]|\u001b[=>]", "");
    }

    @Test
    void aTerminalOfNoColumnsIsTakenAsEightyWide() throws IOException {
        String screen = session(new Size(0, 0), "exit\r");
        // the whole prompt, not '>' and an ellipsis
        assertTrue(screen.contains(PROMPT), screen);
    }

    /**
     * Keys typed as a person types them: only once the prompt is on the screen. Keys that are all
     * there at once reach the terminal's input pump before the line reader starts, and on a loaded
     * machine the reader can then meet the end of input before it has drawn its prompt.
     */
    private static final class TypedAfterPrompt extends InputStream {
        private static final long PATIENCE_NANOS = 20_000_000_000L;
        private final ByteArrayOutputStream screen;
        private final byte[] keys;
        private int next;

        TypedAfterPrompt(ByteArrayOutputStream screen, String keys) {
            this.screen = screen;
            this.keys = keys.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            if (next == 0) {
                awaitPrompt();
            }
            return next < keys.length ? keys[next++] & 0xff : -1;
        }

        /** Waits until the prompt is drawn, or gives up so that the test's assertion shows the screen. */
        private void awaitPrompt() throws IOException {
            long deadline = System.nanoTime() + PATIENCE_NANOS;
            while (!plain(screen).contains(PROMPT) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the prompt", e);
                }
            }
        }
    }
}
