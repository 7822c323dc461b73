package org.vnetlab.console.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;

/**
 * The console without a terminal: reads commands line by line (blank lines and {@code #}
 * comments skipped), prints no prompt and no ANSI codes, and stops at the first failing command
 * with its exit code, whose error names the script's line ({@code vnetlab: line 3: ...}).
 * {@code exit}, {@code quit} or the end of input end it with 0.
 */
public final class ScriptRunner {

    private final SessionDispatcher dispatcher;

    public ScriptRunner(SessionDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public int run(BufferedReader in, Terminal io) throws IOException {
        Terminal script = io.quiet();
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String where = "line " + number + ": ";
            List<String> words;
            try {
                words = Words.split(text);
                if (Words.isExit(words)) {
                    return Cli.OK;
                }
            } catch (UsageError e) {
                Cli.error(io, where + e.getMessage());
                return Cli.USAGE;
            }
            int code = dispatcher.run(words, script, where);
            if (code != Cli.OK) {
                return code;
            }
        }
        return Cli.OK;
    }
}
