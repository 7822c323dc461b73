package org.vnetlab.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.ConsoleFixture;
import org.vnetlab.console.session.Session;

/** What TAB offers at each place of a console line (the tmux test checks it on a real terminal). */
class CompletionTest {

    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private Terminal terminal;
    private LineReader reader;
    private ConsoleCompleter completer;
    private Session session;

    @BeforeEach
    void setUp() throws IOException {
        terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
        reader = LineReaderBuilder.builder().terminal(terminal).build();
        session = new Session(LOADER);
        completer = new ConsoleCompleter(new SessionDispatcher(ConsoleFixture.cli(session), session));
    }

    @AfterEach
    void tearDown() throws IOException {
        terminal.close();
    }

    private List<String> offered(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE),
                candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void commandsFirstThenTheirFlags() {
        assertTrue(offered("").containsAll(List.of("use", "set", "unset", "show", "plot", "report", "fakesweep",
                "help", "exit")), offered("").toString());
        assertTrue(offered("help ").contains("report"));
        assertTrue(offered("plot --").containsAll(List.of("--metric", "--direction", "--help")), offered("plot --").toString());
        assertTrue(offered("fakesweep x --").containsAll(List.of("--set", "--params", "--delay-ms", "--quiet")));
    }

    @Test
    void groupsOfferTheirSubcommandsThenTheSubcommandsFlags() {
        assertTrue(offered("").containsAll(List.of("measure", "testbed", "bench")), offered("").toString());
        assertEquals(List.of("server", "client", "reflect", "rtt"), offered("measure "));
        assertTrue(offered("bench ").containsAll(List.of("sim", "live")), offered("bench ").toString());
        assertTrue(offered("bench sim --").contains("--payload"), offered("bench sim --").toString());
    }

    @Test
    void flagValuesFromTheirUsageForm() {
        assertEquals(java.util.Set.of("throughput", "cpu"), java.util.Set.copyOf(offered("plot --metric ")));
        assertEquals(java.util.Set.of("ipv4", "ipv6", "both"), java.util.Set.copyOf(offered("fakesweep --protocol ")));
        assertTrue(offered("fakesweep native --set plat").contains("platform="));
        assertEquals(List.of("platform=native", "platform=xen", "platform=vserver", "platform=container",
                "platform=kvm"),
                offered("fakesweep native --set platform="));
    }

    @Test
    void scenariosKeysAndValues() {
        assertTrue(offered("use ").containsAll(LOADER.catalog().names()));
        assertTrue(offered("show ").contains("xen-burned"));
        assertTrue(offered("whatif ").contains("xen-burned"), offered("whatif ").toString());
        assertTrue(offered("plan guests ").contains("xen-double"), offered("plan guests ").toString());
        assertEquals(java.util.Set.of("guests", "cpu-speed"), java.util.Set.copyOf(offered("plan ")));
        assertTrue(offered("set ").containsAll(List.of("host.cpus=", "xen.domUs=", "rtt.reflector=")));
        assertEquals(List.of("rtt.reflector=native", "rtt.reflector=domU", "rtt.reflector=domU-burned"),
                offered("set rtt.reflector="));
        assertEquals(List.of("udp.direction=rx", "udp.direction=tx", "udp.direction=tradeoff"),
                offered("set udp.direction="));
        assertEquals(List.of("host.cpus=2"), offered("set host.cpus="));
        assertTrue(offered("report ").contains("pom.xml"), "files in the working directory: " + offered("report "));
        session.set("host.cpus=4");
        assertEquals(List.of("host.cpus"), offered("unset "));
    }
}
