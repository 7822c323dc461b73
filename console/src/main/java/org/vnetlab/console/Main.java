package org.vnetlab.console;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.Tty;

/**
 * The {@code vnetlab} command. Without arguments it opens the console on a terminal, runs the
 * lines piped into it as the console would, and prints the help when nothing is piped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        // Initialise logging before anything else starts (avoids SLF4J's replay warning with Pekko).
        Logger log = LoggerFactory.getLogger(Main.class);
        log.debug("vnetlab starting with {} arguments", args.length);
        List<String> line = args.length == 0 ? withoutArguments() : Arrays.asList(args);
        int code = Commands.cli().run(line, Terminal.system());
        System.out.flush();
        System.exit(code);
    }

    /** {@code console} on a terminal or when lines are piped in; nothing (the help) when stdin is empty. */
    private static List<String> withoutArguments() throws IOException {
        if (Tty.isTerminal(Tty.STDIN)) {
            return System.console() != null ? List.of("console") : List.of();
        }
        PushbackInputStream in = new PushbackInputStream(System.in);
        int first = in.read();
        if (first < 0) {
            return List.of();
        }
        in.unread(first);
        System.setIn(in);
        return List.of("console");
    }
}
