package org.vnetlab.console.commands;

import java.util.List;
import org.vnetlab.console.cli.Command;
import org.vnetlab.console.cli.Option;
import org.vnetlab.console.cli.ParsedArgs;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.live.testbed.Testbed;

/** {@code testbed down}: removes a testbed's namespaces and with them its links, bridge and shaping. */
public final class TestbedDownCommand implements Command {

    @Override
    public String name() {
        return "testbed down";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "remove the testbed's namespaces, links, bridge and shaping (root)";
    }

    @Override
    public List<Option> options() {
        return List.of(TestbedUpCommand.NAME);
    }

    @Override
    public int run(ParsedArgs args, Terminal io) {
        if (!args.positional().isEmpty()) {
            throw new UsageError(name() + ": takes no arguments, got " + String.join(" ", args.positional()));
        }
        String name = TestbedUpCommand.name(args);
        if (!Testbed.down(name)) {
            io.err().println("vnetlab: testbed down: no testbed " + name + " is up");
            return 1;
        }
        io.out().println("testbed " + name + " down");
        return 0;
    }
}
