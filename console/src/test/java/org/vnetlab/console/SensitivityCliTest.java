package org.vnetlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vnetlab.console.cli.Cli;

class SensitivityCliTest {

    private static final String[] QUICK = {"--protocol", "ipv4", "--sizes", "36", "--trials", "1", "--duration", "0.1",
        "--no-cache", "--quiet"};

    /** The arguments that vary {@code scenario}'s {@code variation} alone, quickly. */
    private static List<String> onlyVarying(String scenario, String variation) {
        List<String> args = new java.util.ArrayList<>(List.of(scenario, "--only-vary", "--vary", variation));
        args.addAll(List.of(QUICK));
        return args;
    }

    private static CliRun sensitivity(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("sensitivity"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void aFasterMachineOneReceivesMoreAndTheTableSaysHowMuch() {
        List<String> args = onlyVarying("native", "host.cpu-speed=0.25..4");
        CliRun r = sensitivity(args.toArray(String[]::new));
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.err().startsWith("sensitivity native: 1 key varied, 6 runs of 0.100 s simulated"),
                r.err());
        String rx = r.out().substring(r.out().indexOf("udp ipv4 rx 36 B Mbit/s (host): "));
        double baseline = Double.parseDouble(rx.split(": ")[1].split(" ")[0]);
        String row = rx.lines().filter(l -> l.strip().startsWith("host.cpu-speed")).findFirst().orElseThrow();
        String[] cells = row.strip().split("\\s+");
        double atLow = Double.parseDouble(cells[3]);
        double atHigh = Double.parseDouble(cells[4]);
        assertTrue(atLow < baseline && baseline < atHigh, "a quarter of the CPU receives less, four times more: " + row);
        assertEquals(atHigh - atLow, Double.parseDouble(cells[5]), 0.11, row);

        args.addAll(List.of("--json", "-"));
        CliRun json = sensitivity(args.toArray(String[]::new));
        assertEquals(Cli.OK, json.code(), json.err());
        assertTrue(json.out().startsWith("{\n  \"schema\": \"vnetlab.sensitivity/1\""), json.out());
        assertTrue(json.out().contains("\"key\": \"host.cpu-speed\""), json.out());
        assertTrue(json.err().contains("udp ipv4 rx 36 B"), "the tables go to stderr then");
    }

    @Test
    void anEndWithoutTheMeasuredGuestSaysWhyItShowsNone() {
        // KVM names its guests otherwise: "none" stood there unexplained
        CliRun r = sensitivity(onlyVarying("xen-single", "platform=xen..kvm").toArray(String[]::new));
        assertEquals(Cli.OK, r.code(), r.err());
        String row = r.out().lines().filter(l -> l.strip().startsWith("platform")).findFirst().orElseThrow();
        assertTrue(row.contains("none"), row);
        assertTrue(r.out().contains("none: the scenario at that end has no such point"), r.out());
    }

    @Test
    void theTestbedsUnknownsAreVariedWithThePriors() {
        // beside a burner the receiving context shares CPU 0 with the NIC's softirq; with the
        // interrupt on the burner's CPU it has CPU 0 to itself and receives more
        CliRun r = sensitivity(Stream.concat(Stream.of("vserver-burned"), Stream.of(QUICK)).toArray(String[]::new));
        assertEquals(Cli.OK, r.code(), r.err());
        String rx = r.out().substring(r.out().indexOf("udp ipv4 rx 36 B Mbit/s (ctx2): "));
        double baseline = Double.parseDouble(rx.split(": ")[1].split(" ")[0]);
        String row = rx.lines().filter(l -> l.strip().startsWith("host.nic.irq-cpu")).findFirst().orElseThrow();
        String[] cells = row.strip().split("\\s+");
        assertEquals(List.of("0", "1"), List.of(cells[1], cells[2]), row);
        assertTrue(Double.parseDouble(cells[4]) > 1.2 * baseline, "the interrupt on the burner's CPU: " + row);
        assertTrue(rx.contains("peer.cpu-speed"), "machine 2's speed is varied too: " + rx);
    }

    @Test
    void itsHelpStatesTheQuickerDefaultsItRuns() {
        CliRun help = CliRun.of("help", "sensitivity");
        assertTrue(help.out().contains("(default: 3, quicker than") && help.out().contains("(default: 1, quicker than"),
                help.out());
        assertTrue(CliRun.of("help", "sim").out().contains("method.trials, 7)"),
                "sim keeps the scenario's method");
        // three scenarios (the baseline and the key's two ends), 3 trials each way, of 1 s
        CliRun r = sensitivity("native", "--only-vary", "--vary", "host.cpu-speed=0.5..2", "--protocol", "ipv4",
                "--sizes", "36", "--no-cache", "--quiet");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.err().startsWith("sensitivity native: 1 key varied, 18 runs of 1.00 s simulated"), r.err());
    }

    @Test
    void aBadVariationIsOneLineNamingTheFlag() {
        CliRun unknown = sensitivity("native", "--only-vary", "--vary", "host.cpux=1..2");
        assertEquals(Cli.USAGE, unknown.code());
        assertEquals("vnetlab: sensitivity: --vary host.cpux=1..2: host.cpux: unknown key; did you mean 'host.cpus'?"
                + " (`vnetlab show NAME` lists every key)", unknown.err().strip());
        CliRun form = sensitivity("native", "--vary", "host.cpus");
        assertEquals("vnetlab: sensitivity: --vary host.cpus: expected KEY=LOW..HIGH with one '..', e.g."
                + " peer.cpu-speed=0.45..0.8", form.err().strip());
        // three dots once read as 0.5 to .1, silently
        CliRun dots = sensitivity("native", "--only-vary", "--vary", "host.cpu-speed=0.5...1");
        assertEquals(Cli.USAGE, dots.code());
        assertTrue(dots.err().contains("with one '..'"), dots.err());
        CliRun twice = sensitivity("native", "--only-vary", "--vary", "host.cpu-speed=0.5..1", "--vary",
                "host.cpu-speed=0.6..1");
        assertEquals(Cli.USAGE, twice.code());
        assertEquals("vnetlab: sensitivity: --vary host.cpu-speed=0.6..1: host.cpu-speed is varied already (--vary"
                + " host.cpu-speed=0.5..1); give each key once", twice.err().strip());
        CliRun nothing = sensitivity("native", "--only-vary");
        assertEquals(Cli.USAGE, nothing.code());
        assertEquals(1, nothing.err().lines().count(), nothing.err());
        // an end that leaves nothing to run is named before the plan line, not as a bare scenario error
        CliRun noGuest = sensitivity("xen-single", "--only-vary", "--vary", "xen.domUs=0..2");
        assertEquals(Cli.USAGE, noGuest.code());
        assertEquals("vnetlab: sensitivity: --vary xen.domUs=0..2: at xen.domUs=0 the scenario runs no workload: its"
                + " workloads list is empty or names only guests it does not have (a guest count of 0?)",
                noGuest.err().strip());
    }
}
