package org.vnetlab.sim.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.Version;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Made;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.PoolEvaluator;
import org.vnetlab.sim.experiment.RunPool;
import org.vnetlab.sim.experiment.SimOptions;

/** Validation against datasets the simulator wrote, one of them altered, and against the study's facts. */
class ValidatorTest {

    @TempDir
    static Path dir;
    static Path truth;

    @BeforeAll
    static void simulate() throws Exception {
        truth = Simulations.write(dir, "native.json", "native", List.of(), List.of(IpVersion.IPV4), List.of(36, 1470));
    }

    static Validation validate(Dataset d, Effort effort) throws Exception {
        ScenarioSet s = ScenarioSet.load(Simulations.LOADER, d, null);
        try (PoolEvaluator e = PoolEvaluator.allCores()) {
            return new Validator(e).validate(d, s, Validator.plan(d, s, effort), (x, y) -> { }, () -> false);
        }
    }

    @Test
    void aDatasetTheModelWroteItselfPasses() throws Exception {
        Validation v = validate(Datasets.load(List.of(truth)), Simulations.SHORT);
        assertTrue(v.passed(), v.verdicts().toString());
        // rx and tx at two payloads: throughput and the host's CPU each
        assertEquals(8, v.verdicts().size());
        // result files keep four decimals, so each value may be off by 5e-5 (in tolerance units, less)
        assertEquals(0.0, v.sumOfSquares(), 1e-6);
    }

    @Test
    void aResultIsSimulatedAgainAsItWasMadeWhateverEffortTheCommandAsks() throws Exception {
        // 0.2 s, seed 3 and two guests: a re-simulation of one second, seed 1 or one guest would differ
        List<String> sets = List.of("xen.domUs=2");
        Scenario s = Simulations.LOADER.load("xen-single", List.of("xen.domUs=2", "method.seed=3")).scenario();
        SimOptions o = new SimOptions(List.of(IpVersion.IPV4), List.of(Transport.UDP), List.of(300), 1, 200_000_000L);
        Result r;
        try (RunPool pool = RunPool.allCores()) {
            r = Experiment.aggregate(s, Version.current(), "test", pool.runAll(s, Experiment.plan(s, o), (d, t) -> { },
                    () -> false));
        }
        Result made = new Result("sim", "xen-single", 3, r.version(), r.parameters(), r.points(),
                new Made(sets, 1, 0.2, List.of(300)));
        Path file = Files.writeString(dir.resolve("made.json"), ResultJson.write(made));
        Validation v = validate(Datasets.load(List.of(file)), Effort.quick());
        assertTrue(v.passed(), v.verdicts().toString());
        assertEquals(0.0, v.sumOfSquares(), 1e-6);
        assertTrue(v.verdicts().get(0).check().startsWith("xen-single[xen.domUs=2,method.seed=3]"),
                v.verdicts().get(0).check());
        // a model.* override is the model that made the values, which validate tests and calibrate
        // fits: re-simulating with it would pin the very parameter a fit moves
        Result byAnotherModel = new Result("sim", "xen-single", 3, r.version(), r.parameters(), r.points(),
                new Made(List.of("xen.domUs=2", "model.cost.socket.rx-per-packet-ns=1035"), 1, 0.2, List.of(300)));
        Path other = Files.writeString(dir.resolve("other-model.json"), ResultJson.write(byAnotherModel));
        Validation w = validate(Datasets.load(List.of(other)), Effort.quick());
        assertTrue(w.verdicts().get(0).check().startsWith("xen-single[xen.domUs=2,method.seed=3]"),
                w.verdicts().get(0).check());
    }

    /** A dataset is simulated again as it was made: a record no simulation could have made is refused, not run. */
    @Test
    void aResultMadeBeyondWhatASimulationTakesOrGivenTwiceIsRefused() throws Exception {
        Point p = Point.builder().payload(300).guest("domU1").throughputMbps(100.0).build();
        Result huge = new Result("sim", "xen-single", 1, Version.current(), "defaults", List.of(p),
                new Made(List.of(), 100_000_000, 1.0, List.of(300)));
        Path file = Files.writeString(dir.resolve("huge.json"), ResultJson.write(huge));
        ConfigError e = assertThrows(ConfigError.class, () -> Datasets.load(List.of(file)));
        assertTrue(e.getMessage().contains("made: 100000000 trials of 1.0 s; a simulation takes at most 1000 trials"),
                e.getMessage());
        Path instant = Files.writeString(dir.resolve("instant.json"), ResultJson.write(new Result("sim", "xen-single",
                1, Version.current(), "defaults", List.of(p), new Made(List.of(), 1, 1e-9, List.of(300)))));
        assertThrows(ConfigError.class, () -> Datasets.load(List.of(instant)));
        Result day = new Result("sim", "xen-single", 1, Version.current(), "defaults", List.of(p),
                new Made(List.of(), 1, 86_400, List.of(300)));
        Path long1 = Files.writeString(dir.resolve("day.json"), ResultJson.write(day));
        assertThrows(ConfigError.class, () -> Datasets.load(List.of(long1)));
        Path fine = Files.writeString(dir.resolve("fine.json"), ResultJson.write(new Result("sim", "xen-single", 1,
                Version.current(), "defaults", List.of(p), new Made(List.of(), 1, 1.0, List.of(300)))));
        // a point its scenario could not have made is named where it is read, not simulated and then missed
        Point stranger = Point.builder().payload(300).guest("domU7").throughputMbps(100.0).build();
        Path strange = Files.writeString(dir.resolve("stranger.json"), ResultJson.write(new Result("measure",
                "xen-single", 1, Version.current(), "live", List.of(stranger))));
        assertTrue(assertThrows(ConfigError.class, () -> Datasets.load(List.of(strange))).getMessage()
                .contains("'domU7' is not a guest of scenario xen-single (domU1, sum)"));
        Point jumbo = Point.builder().payload(9000).guest("domU1").throughputMbps(100.0).build();
        Path big = Files.writeString(dir.resolve("jumbo.json"), ResultJson.write(new Result("measure",
                "xen-single", 1, Version.current(), "live", List.of(jumbo))));
        String m = assertThrows(ConfigError.class, () -> Datasets.load(List.of(big))).getMessage();
        assertTrue(m.startsWith(big.toString()) && m.contains("payload 9000 B does not fit MTU 1500"), m);
        ConfigError twice = assertThrows(ConfigError.class, () -> Datasets.load(List.of(fine, fine)));
        assertEquals("--dataset " + fine + ": given twice; give each dataset once", twice.getMessage());
    }

    @Test
    void aValueTenPercentOffFailsAndOnlyThatOne() throws Exception {
        String text = Files.readString(truth);
        int at = text.indexOf("\"throughput_mbps\"");
        int from = text.indexOf(':', at) + 1;
        int to = text.indexOf(',', from);
        double value = Double.parseDouble(text.substring(from, to).trim());
        Path altered = dir.resolve("altered.json");
        Files.writeString(altered, text.substring(0, from) + " " + value * 1.10 + text.substring(to));
        Validation v = validate(Datasets.load(List.of(altered)), Simulations.SHORT);
        assertFalse(v.passed());
        assertEquals(1, v.verdicts().stream().filter(Verdict::failed).count());
        Verdict failed = v.verdicts().stream().filter(Verdict::failed).findFirst().orElseThrow();
        assertTrue(failed.check().contains("ipv4 rx 36 B host Mbit/s"), failed.check());
        assertEquals(-1 / 1.1 * 0.1 / 0.02, failed.residuals()[0], 0.01, "residual in tolerances");
    }

    @Test
    void aTransportTheSimulatorLacksIsReportedMissingNotACrash() throws Exception {
        Series tcp = new Series(ScenarioRef.of("native"), "tcp", "ipv4", "rx", null, Metric.THROUGHPUT);
        Dataset d = new Dataset("tcp", List.of(new Check.Target("tcp", tcp, null, 936, Tolerance.relative(0.01))));
        Validation v = validate(d, Simulations.SHORT);
        Verdict only = v.verdicts().get(0);
        if (only.status() == Verdict.Status.MISSING) {
            assertTrue(only.model().contains("tcp"), only.model());
            assertFalse(v.passed());
        } else {
            assertTrue(only.model().endsWith("Mbit/s"), "once TCP exists the value is compared: " + only);
        }
    }

    @Test
    void theStudysStatedFactsHoldOnTheDefaults() throws Exception {
        List<Check> udpFacts = StudyFacts.facts().stream()
                .filter(c -> c.needs().stream().allMatch(s -> "udp".equals(s.transport()))).toList();
        assertEquals(18, udpFacts.size());
        Validation v = validate(new Dataset("facts", udpFacts), new Effort(1, 1_000_000_000L));
        for (Verdict d : v.verdicts()) {
            // a known conflict must still miss: once it holds, KnownConflicts and MODEL.md say so no longer
            Verdict.Status expected = KnownConflicts.reason(d.check()) != null ? Verdict.Status.KNOWN_CONFLICT
                    : Verdict.Status.PASS;
            assertEquals(expected, d.status(), d.check() + ": " + d.model() + " expected " + d.expected());
        }
        assertTrue(v.passed(), "known conflicts do not fail a validation");
    }

    @Test
    void everyKnownConflictIsAStudyCheckNamedInModelMd() throws Exception {
        String model = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/MODEL.md"));
        String section = model.substring(model.indexOf("### Known conflicts"), model.indexOf("## Native"));
        List<String> labels = new java.util.ArrayList<>(StudyFacts.facts().stream().map(Check::label).toList());
        ReferenceChecks.of(org.vnetlab.config.ReferenceDataset.study()).forEach(c -> labels.add(c.label()));
        for (String check : KnownConflicts.all().keySet()) {
            assertTrue(labels.contains(check), check);
            assertTrue(section.contains("`" + check + "`"), "MODEL.md's Known conflicts do not name `" + check + "`");
        }
    }
}
