package org.vnetlab.console;

import java.util.List;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Cli;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.repl.ConsoleCommand;

/** {@code vnetlab console} with {@link FakeSweepCommand} added: what the tmux test runs in a real terminal. */
public final class ConsoleTestMain {

    private ConsoleTestMain() {
    }

    public static void main(String[] args) {
        Cli cli = new Cli(() -> List.of(new ConsoleCommand(new ScenarioLoader(), ConsoleFixture::cli)));
        int code = cli.run(List.of("console"), Terminal.system());
        System.out.flush();
        System.exit(code);
    }
}
