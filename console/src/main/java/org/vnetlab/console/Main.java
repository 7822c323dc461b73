package org.vnetlab.console;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.console.cli.Terminal;

/** The {@code vnetlab} command. Without arguments it opens the console on a terminal and prints help in a pipe. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Initialise logging before anything else starts (avoids SLF4J's replay warning with Pekko).
        Logger log = LoggerFactory.getLogger(Main.class);
        log.debug("vnetlab starting with {} arguments", args.length);
        List<String> line = args.length == 0 && System.console() != null ? List.of("console") : Arrays.asList(args);
        int code = Commands.cli().run(line, Terminal.system());
        System.out.flush();
        System.exit(code);
    }
}
