package org.vnetlab.console;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;

/** The {@code vnetlab} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Initialise logging before anything else starts (avoids SLF4J's replay warning with Pekko).
        Logger log = LoggerFactory.getLogger(Main.class);
        log.debug("vnetlab starting with {} arguments", args.length);
        int code = Commands.cli().run(Arrays.asList(args), Terminal.system());
        System.out.flush();
        System.exit(code);
    }
}
