package org.vnetlab.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnetlab.config.ConfigError;
import org.vnetlab.config.LoadedScenario;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Direction;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.result.Made;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.units.SimTime;
import org.vnetlab.sim.experiment.Experiment;
import org.vnetlab.sim.experiment.RunPool;
import org.vnetlab.sim.experiment.RunResult;
import org.vnetlab.sim.experiment.SimOptions;

/** Grid sweeps on this machine: expansion, seeds, one answer for any parallelism, resume, bad input. */
class SweepTest {

    /** How the resumed sweeps say they are made (a partial result of Sweep.run does not say, so it is not compared). */
    private static final Made MADE = new Made(List.of(), 1, 1, List.of());

    static final ScenarioLoader LOADER = new ScenarioLoader();
    static final SimOptions TINY = new SimOptions(List.of(IpVersion.IPV4, IpVersion.IPV6), List.of(Transport.UDP),
            List.of(200, 1450), 2, SimTime.seconds(0.01));
    static LocalExecutor one;
    static LocalExecutor two;

    @BeforeAll
    static void start() {
        one = new LocalExecutor(LOADER, 1);
        two = new LocalExecutor(LOADER, 2);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        one.close();
        two.close();
    }

    static SweepPlan plan(String scenario, List<String> grid) {
        LoadedScenario base = LOADER.load(scenario, List.of());
        return SweepPlan.of(LOADER, base, Grid.parse(grid, LOADER), TINY);
    }

    static String json(SweepPlan plan, SweepExecutor executor) throws InterruptedException {
        Sweep.Outcome o = Sweep.run(plan, Resumed.nothing(), executor, "test", (d, t) -> { }, () -> false);
        assertTrue(o.complete());
        return ResultJson.write(o.result());
    }

    @Test
    void gridIsTheCartesianProductInOrder() {
        Grid g = Grid.parse(List.of("host.cpus=1,2", "host.cpu-speed=1.0,1.5,2.0"), LOADER);
        assertEquals(6, g.size());
        List<SortedMap<String, String>> points = g.points();
        assertEquals(6, points.size());
        assertEquals(Map.of("host.cpus", "1", "host.cpu-speed", "1.0"), points.get(0));
        assertEquals(Map.of("host.cpus", "1", "host.cpu-speed", "1.5"), points.get(1));
        assertEquals(Map.of("host.cpus", "2", "host.cpu-speed", "2.0"), points.get(5));
        SweepPlan plan = plan("native", List.of("host.cpus=1,2", "host.cpu-speed=1.0,1.5,2.0"));
        // 6 grid points x 2 protocols x 2 sizes x 2 directions (native runs rx, then tx) x 2 trials
        assertEquals(6 * 2 * 2 * 2 * 2, plan.items().size());
        assertEquals(6 * 2 * 2 * 2, plan.units().size());
    }

    @Test
    void oneCoreAndAllCoresGiveTheSameBytes() throws InterruptedException {
        SweepPlan plan = plan("xen-double", List.of("xen.domUs=1,2", "host.cpu-speed=1.0,2.0"));
        String a = json(plan, one);
        String b = json(plan, two);
        assertEquals(a, b);
        Result r = ResultJson.read(a);
        assertTrue(r.points().stream().allMatch(p -> p.grid().size() == 2), a);
        // a faster CPU changes the answer: the grid values really reach the model
        List<Double> slow = throughput(r, "1.0");
        List<Double> fast = throughput(r, "2.0");
        assertNotEquals(slow, fast);
    }

    private static List<Double> throughput(Result r, String speed) {
        return r.points().stream().filter(p -> p.grid().get("host.cpu-speed").equals(speed))
                .map(Point::throughputMbps).toList();
    }

    @Test
    void aSeedDependsOnTheSweepSeedAndTheRunsOwnGridValuesOnly() throws InterruptedException {
        String both = json(plan("native", List.of("host.cpu-speed=1.0,0.5")), two);
        String half = json(plan("native", List.of("host.cpu-speed=0.5")), two);
        List<Point> fromBoth = ResultJson.read(both).points().stream()
                .filter(p -> p.grid().get("host.cpu-speed").equals("0.5")).toList();
        assertEquals(ResultJson.read(half).points(), fromBoth);
        SortedMap<String, String> v = new TreeMap<>(Map.of("a", "1"));
        assertNotEquals(GridPoint.seed(1, v), GridPoint.seed(2, v));
        assertNotEquals(GridPoint.seed(1, v), GridPoint.seed(1, new TreeMap<>(Map.of("a", "2"))));
    }

    @Test
    void withoutAGridASweepSimulatesWhatSimDoes() throws Exception {
        SweepPlan plan = plan("native", List.of());
        String swept = json(plan, two);
        LoadedScenario s = LOADER.load("native", List.of());
        List<RunResult> runs;
        try (RunPool pool = new RunPool(2)) {
            runs = pool.runAll(s.scenario(), Experiment.plan(s.scenario(), TINY), (d, t) -> { }, () -> false);
        }
        Result simmed = Experiment.aggregate(s.scenario(), "test", s.parameters(), runs);
        assertEquals(ResultJson.write(simmed), swept);
    }

    @Test
    void aStoppedSweepKeepsFinishedUnitsAndResumesToTheSameBytes() throws InterruptedException {
        SweepPlan plan = plan("native", List.of("host.cpu-speed=1.0,0.5"));
        String full = json(plan, one);
        AtomicInteger runs = new AtomicInteger();
        Sweep.Outcome stopped = Sweep.run(plan, Resumed.nothing(), one, "test", (d, t) -> runs.set(d),
                () -> runs.get() >= 5);
        assertFalse(stopped.complete());
        assertTrue(stopped.unitsDone() >= 2 && stopped.unitsDone() < plan.units().size(), "" + stopped.unitsDone());
        Result partial = ResultJson.read(ResultJson.write(stopped.result().withMade(MADE)));
        Resumed resumed = Resumed.from(plan, MADE, partial, "partial.json");
        assertEquals(stopped.unitsDone(), resumed.units());
        Sweep.Outcome rest = Sweep.run(plan, resumed, one, "test", (d, t) -> { }, () -> false);
        assertTrue(rest.complete());
        assertEquals(plan.items().size() - 2 * stopped.unitsDone(), rest.runsMade());
        assertEquals(full, ResultJson.write(rest.result()));
    }

    @Test
    void resumingFromAnotherScenarioIsRefused() throws InterruptedException {
        SweepPlan plan = plan("native", List.of());
        Result other = new Result("sim", "xen-single", plan.seed(), "test", "defaults", List.of()).withMade(MADE);
        ConfigError e = assertThrows(ConfigError.class, () -> Resumed.from(plan, MADE, other, "old.json"));
        assertTrue(e.getMessage().contains("xen-single") && e.getMessage().contains("native"), e.getMessage());
    }

    /** A file without its made block, a measurement, or points the sweep does not make were adopted, relabelled. */
    @Test
    void resumingAFileThatCannotBeThisSweepsIsRefused() throws InterruptedException {
        SweepPlan plan = plan("native", List.of("host.cpus=1,2"));
        Point own = Point.builder().payload(200).guest("host").throughputMbps(1.0).grid(new TreeMap<>(
                Map.of("host.cpus", "1"))).build();
        Result unmade = new Result("sim", "native", plan.seed(), "test", "defaults", List.of(own));
        assertTrue(assertThrows(ConfigError.class, () -> Resumed.from(plan, MADE, unmade, "f.json")).getMessage()
                .contains("it does not say how it was made"));
        Result measured = new Result("measure", "native", plan.seed(), "test", "defaults", List.of(own)).withMade(MADE);
        assertTrue(assertThrows(ConfigError.class, () -> Resumed.from(plan, MADE, measured, "f.json")).getMessage()
                .contains("it is a result of measure"));
        Point elsewhere = Point.builder().payload(200).guest("host").throughputMbps(1.0).grid(new TreeMap<>(
                Map.of("host.cpus", "7"))).build();
        Result extra = new Result("sim", "native", plan.seed(), "test", "defaults", List.of(own, elsewhere))
                .withMade(MADE);
        assertTrue(assertThrows(ConfigError.class, () -> Resumed.from(plan, MADE, extra, "f.json")).getMessage()
                .contains("a point this sweep does not make (udp ipv4 rx 200 B at {host.cpus=7})"));
        Point bogus = Point.builder().payload(200).guest("domU9").throughputMbps(1.0).grid(new TreeMap<>(
                Map.of("host.cpus", "1"))).build();
        Result stranger = new Result("sim", "native", plan.seed(), "test", "defaults", List.of(bogus)).withMade(MADE);
        assertTrue(assertThrows(ConfigError.class, () -> Resumed.from(plan, MADE, stranger, "f.json")).getMessage()
                .contains("a point of guest 'domU9'"));
        assertEquals(1, Resumed.from(plan, MADE,
                new Result("sim", "native", plan.seed(), "test", "defaults", List.of(own)).withMade(MADE), "f.json")
                .units());
    }

    @Test
    void resumingAFileMadeOtherwiseIsRefused() throws InterruptedException {
        SweepPlan plan = plan("native", List.of("host.cpu-speed=1.0,0.5"));
        Result earlier = new Result("sim", "native", plan.seed(), "test", "defaults", List.of())
                .withMade(new Made(List.of(), 1, 0.2, List.of(36)));
        // a longer duration: the file's 0.2 s points would pass for 1 s ones
        ConfigError e = assertThrows(ConfigError.class, () -> Resumed.from(plan,
                new Made(List.of(), 1, 1, List.of(36)), earlier, "s.json"));
        assertTrue(e.getMessage().startsWith("--resume s.json: it was made with 1 trial of 0.2 s, sizes 36;"
                + " this sweep is made with 1 trial of 1 s, sizes 36"), e.getMessage());
        // other sizes: the file's points would be dropped from it
        assertThrows(ConfigError.class, () -> Resumed.from(plan, new Made(List.of(), 1, 0.2, List.of(1470)),
                earlier, "s.json"));
        assertEquals(0, Resumed.from(plan, new Made(List.of(), 1, 0.2, List.of(36)), earlier, "s.json").units());
    }

    @Test
    void badGridKeysAndValuesNameTheKey() {
        ConfigError unknown = assertThrows(ConfigError.class, () -> plan("native", List.of("host.cpu=1,2")));
        assertTrue(unknown.getMessage().startsWith("--grid host.cpu=1,2: host.cpu: unknown key"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("host.cpus"), unknown.getMessage());
        ConfigError type = assertThrows(ConfigError.class, () -> plan("native", List.of("host.cpus=1,two")));
        assertTrue(type.getMessage().startsWith("--grid host.cpus=1,two: host.cpus = two: "), type.getMessage());
        assertFalse(type.getMessage().contains("vnetlab-sweep-"), type.getMessage());
        assertThrows(ConfigError.class, () -> plan("native", List.of("host.cpus")));
        assertThrows(ConfigError.class, () -> plan("native", List.of("host.cpus=1,1")));
        assertThrows(ConfigError.class, () -> plan("native", List.of("host.cpus=1,2,")));
    }

    @Test
    void aGridPointThatRunsNothingIsNamedNotDropped() {
        ConfigError none = assertThrows(ConfigError.class, () -> plan("xen-double", List.of("xen.domUs=0,1")));
        assertTrue(none.getMessage().startsWith("--grid point {xen.domUs=0}: the scenario runs no workload"),
                none.getMessage());
    }

    @Test
    void aGridOfMoreThanTenThousandPointsIsRefusedBeforeAnyIsLoaded() {
        String hundred = String.join(",", java.util.stream.IntStream.rangeClosed(1, 101).mapToObj(Integer::toString)
                .toList());
        ConfigError big = assertThrows(ConfigError.class,
                () -> Grid.parse(List.of("method.seed=" + hundred, "rtt.payload=" + hundred), LOADER));
        assertEquals("--grid: method.seed (101) x rtt.payload (101) is more than 10000 grid points; split the sweep"
                + " into parts or make the grid coarser", big.getMessage());
    }

    @Test
    void gridValuesThatAreOneValueWrittenTwoWaysAreRefused() {
        // 1.0 and 1 made two grid points of one configuration
        ConfigError same = assertThrows(ConfigError.class, () -> Grid.parse(List.of("host.cpus=1.0,1"), LOADER));
        assertEquals("--grid host.cpus=1.0,1: host.cpus: values must be non-empty and distinct (1 repeats a value"
                + " before it)", same.getMessage());
        assertEquals(2, Grid.parse(List.of("host.cpu-speed=1,1.5"), LOADER).points().size());
    }

    @Test
    void aGroupOfKeysIsOneLineNamingTheNearKey() {
        ConfigError group = assertThrows(ConfigError.class, () -> plan("xen-double", List.of("xen.domU=1,2")));
        assertEquals("--grid xen.domU=1,2: xen.domU is a group of keys (xen.domU.cap, xen.domU.memory,"
                + " xen.domU.pinned, ...), not a value; did you mean 'xen.domUs'?", group.getMessage());
    }

    @Test
    void nothingWorkIsCheap() throws InterruptedException {
        SweepPlan plan = plan("native", List.of("host.cpus=1,2"));
        SweepJob job = Sweep.job(plan, Resumed.nothing(), Work.NOTHING);
        SortedMap<Integer, RunResult> r = two.execute(job, (d, t) -> { }, () -> false);
        assertEquals(plan.items().size(), r.size());
        assertEquals(Direction.RX, r.get(0).spec().direction());
        assertEquals(0, r.get(0).events());
    }
}
