package org.vnetlab.console.commands;

import org.vnetlab.console.cli.Terminal;
import org.vnetlab.live.testbed.Testbed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code testbed down}: removes a testbed's namespaces and with them its links, bridge and shaping. */
@Command(name = "down", description = "remove the testbed's namespaces, links, bridge and shaping (root)")
public final class TestbedDownCommand implements org.vnetlab.console.cli.Command {

    @Mixin
    TestbedUpCommand.Name testbed;

    @Override
    public int run(Terminal io) {
        String name = testbed.checked("testbed down");
        if (!Testbed.down(name)) {
            io.err().println("vnetlab: testbed down: no testbed " + name + " is up");
            return 1;
        }
        io.out().println("testbed " + name + " down");
        return 0;
    }
}
