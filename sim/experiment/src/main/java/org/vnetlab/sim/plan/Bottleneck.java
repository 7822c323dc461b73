package org.vnetlab.sim.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.vnetlab.core.model.Dom0;
import org.vnetlab.core.model.DomU;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.model.UdpStream;
import org.vnetlab.core.model.XenPlatform;
import org.vnetlab.core.net.Ethernet;
import org.vnetlab.core.net.IpVersion;
import org.vnetlab.core.net.Transport;
import org.vnetlab.core.result.NameOrder;
import org.vnetlab.core.result.Point;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.sim.model.Testbed;

/**
 * What limits one simulated configuration, read from its trace points, never guessed: the wire
 * when the guests together carry nearly the line rate; else, when the guests send and machine 2
 * drops what they sent, machine 2's queue; else the busiest CPU when a domain is saturated;
 * else, on Xen, when packets were lost or dropped, a domain held to its credit share
 * (waiting ready for a CPU and OVER, its credit spent, half the time or more; or its CPU at what
 * its weight gives it beside the other busy domains, below a whole CPU, and waiting ready: the
 * others' BOOSTed wakes preempt it, and more weight would lift it;
 * the same when nothing was lost but less was carried than offered, the senders
 * blocked behind it); else the queue where most packets were dropped; else, when less arrived
 * than was offered without loss, the sender. The wire is also named when more is offered than it can
 * carry.
 *
 * @param what     e.g. {@code wire}, {@code CPU of dom0}, {@code queue domU1.vif.qdisc.drop}
 * @param evidence CPU per domain, under Xen the time each waited ready for a CPU and the time each was
 *                 OVER, and drops per queue, one line
 */
public record Bottleneck(String what, String evidence) {

    /** The guests together at this share of the line rate: the wire is full. */
    static final double WIRE_SHARE = 0.98;
    /** A domain at this percentage of one CPU is saturated (a network path runs on one CPU at a time). */
    static final double SATURATED_PERCENT = 95;
    /** Loss above this share is loss; below, noise of the run's ends. */
    static final double LOSS = 0.01;
    /** A domain using this much of its credit share is held to it (its credit hovers at zero). */
    static final double AT_SHARE = 0.95;
    /** A domain that waited ready this long (% of one CPU) was kept from a CPU it wanted. */
    static final double READY_PERCENT = 5;
    /**
     * A domain OVER this share of the time (%) had its credit spent more often than not: it ran at
     * or above what the accounting gave it (at its share its credit hovers around zero, OVER about
     * half the time), so, waiting ready too, it is held to that share. Credit is shared among the
     * domains with an active VCPU, and a tick that finds a domain running makes it active however
     * little it runs: many such domains spend Dom0's credit for it (64 guests at 0.8 % of a CPU
     * each keep it OVER all the time) where the busy domains' shares see none of them.
     */
    static final double OVER_PERCENT = 50;
    /** The prefix of machine 2's traced queues. */
    private static final String MACHINE_2 = Testbed.PEER + ".";

    /**
     * @param guests  the configuration's per-guest points (one protocol, direction and payload)
     * @param offered the payload rate offered to all guests together, Mbit/s
     */
    public static Bottleneck of(Scenario s, List<Point> guests, double offered) {
        Point first = guests.get(0);
        double carried = guests.stream().mapToDouble(Point::throughputMbps).sum();
        double line = lineMbps(s, first.payload(), IpVersion.fromKey(first.protocol()),
                Transport.fromKey(first.transport()));
        Map<String, Double> cpu = first.cpuPercent() == null ? Map.of() : first.cpuPercent();
        Map<String, Double> drops = first.drops() == null ? Map.of() : first.drops();
        Map<String, Double> ready = first.cpuReadyPercent() == null ? Map.of() : first.cpuReadyPercent();
        // null in points written before it was measured
        Map<String, Double> over = first.cpuOverPercent();
        // queues whose median is no drop at all are not evidence; domU2 before domU10
        List<Map.Entry<String, Double>> dropped = drops.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey(NameOrder.INSTANCE)).toList();
        String evidence = "cpu " + (cpu.isEmpty() ? "-" : percents(cpu))
                + (ready.isEmpty() ? "" : "; ready " + percents(ready))
                + (over == null || over.isEmpty() ? "" : "; over " + percents(over))
                + "; drops " + (dropped.isEmpty() ? "none" : dropped.stream()
                .map(e -> e.getKey() + " " + fmt("%.0f", e.getValue())).collect(Collectors.joining(", ")));
        if (carried >= WIRE_SHARE * line) {
            return new Bottleneck("wire (" + fmt("%.1f", carried) + " of " + fmt("%.1f", line) + " Mbit/s)", evidence);
        }
        if (offered > line) {
            return new Bottleneck("wire (offered " + fmt("%.1f", offered) + " > " + fmt("%.1f", line) + " Mbit/s)",
                    evidence);
        }
        double loss = guests.stream().mapToDouble(p -> p.loss() == null ? 0 : p.loss()).max().orElse(0);
        // sent, what machine 2 drops is lost after machine 1's work: machine 2's receive limits
        // the rate whatever machine 1's CPUs do (a faster sender would only be dropped more)
        var atMachine2 = dropped.stream().filter(e -> e.getKey().startsWith(MACHINE_2))
                .max(Map.Entry.comparingByValue());
        if (first.direction().equals("tx") && loss > LOSS && atMachine2.isPresent()) {
            return new Bottleneck("queue " + atMachine2.get().getKey() + " (machine 2 receives less than it is sent)",
                    evidence);
        }
        var busiest = cpu.entrySet().stream().max(Map.Entry.comparingByValue());
        if (busiest.isPresent() && busiest.get().getValue() >= SATURATED_PERCENT) {
            return new Bottleneck("CPU of " + busiest.get().getKey(), evidence);
        }
        // nothing lost but less carried than offered: the senders blocked behind a full queue
        boolean heldBack = carried < (1 - LOSS) * offered;
        if ((loss > LOSS || !dropped.isEmpty() || heldBack) && s.platform() instanceof XenPlatform xen) {
            String held = heldToItsShare(s, xen, cpu, ready, over);
            if (held != null) {
                return new Bottleneck(held, evidence);
            }
        }
        var most = dropped.stream().max(Map.Entry.comparingByValue());
        if (most.isPresent()) {
            return new Bottleneck("queue " + most.get().getKey(), evidence);
        }
        if (loss > LOSS) {
            return new Bottleneck("undetermined (loss without a saturated CPU or a traced drop)", evidence);
        }
        if (heldBack) {
            String sender = first.direction().equals("rx") ? "machine 2" : "the guests";
            return new Bottleneck("sender: " + sender + " sent only " + fmt("%.1f", carried) + " of "
                    + fmt("%.1f", offered) + " Mbit/s, without loss", evidence);
        }
        return new Bottleneck("none (no saturated CPU, no drops)", evidence);
    }

    /**
     * What limits what the guests carried, whether or not more was asked of them than the wire
     * takes: as {@link #of}, with a UDP point's offered rate (its guests' streams) taken no higher
     * than the wire's, and a TCP point's (a bulk transfer asks for all it can get) as carried.
     */
    public static Bottleneck ofCarried(Scenario s, List<Point> guests) {
        Point first = guests.get(0);
        double carried = guests.stream().mapToDouble(Point::throughputMbps).sum();
        if (Transport.fromKey(first.transport()) != Transport.UDP) {
            return of(s, guests, carried);
        }
        double asked = 0;
        for (Point p : guests) {
            asked += s.workloads(UdpStream.class).stream().filter(u -> u.guest().equals(p.guest()))
                    .mapToDouble(u -> u.rate().bitsPerSecond() / 1e6 * u.parallel()).sum();
        }
        double line = lineMbps(s, first.payload(), IpVersion.fromKey(first.protocol()), Transport.UDP);
        return of(s, guests, Math.max(carried, Math.min(asked, line)));
    }

    /**
     * The domain on the packets' path held to its credit share, Dom0 first (it does every guest's
     * network work), or null. A CPU burner's guest is not on the path. A domain is held when it
     * waited ready for a CPU at least {@link #READY_PERCENT} of the time and, where the points
     * say how long each domain was OVER, was OVER at least {@link #OVER_PERCENT} of it: its credit
     * spent, measured. Else (and in points from before that figure) as the credit shares read from
     * the CPU figures say: a busy domain at {@link #AT_SHARE} of its share or more, its share below
     * a saturated CPU, and, where the points say how long each domain waited ready, waiting at
     * least {@link #READY_PERCENT} of the time. Both are asked: the OVER time of a domain at its
     * share swings as its credit hovers at zero (xen-double's Dom0 at 200 B received, at its 67 %
     * and waiting ready 32 % throughout, was OVER 0 to 100 % of one tenth of a second and 12 to 86 %
     * of one second), so a share the CPU figures show is still named; the
     * OVER time shows what they cannot, a share diluted by many domains that hardly run.
     */
    private static String heldToItsShare(Scenario s, XenPlatform xen, Map<String, Double> cpu,
                                         Map<String, Double> ready, Map<String, Double> over) {
        List<String> path = new ArrayList<>(List.of(Dom0.NAME));
        xen.domUs().stream().map(DomU::name).filter(g -> s.burnerIn(g).isEmpty()).forEach(path::add);
        CreditShares c = CreditShares.of(xen, s.host().cpus(), cpu);
        for (String d : path) {
            double waitedPercent = ready.getOrDefault(d, 0.0);
            double overPercent = over == null ? 0 : over.getOrDefault(d, 0.0);
            if (waitedPercent >= READY_PERCENT && overPercent >= OVER_PERCENT) {
                long ran = cpu.values().stream().filter(v -> v > 0).count();
                return "CPU share of " + d + " (" + fmt("%.0f", cpu.getOrDefault(d, 0.0)) + " % of a CPU,"
                        + " waiting ready " + fmt("%.0f", waitedPercent) + " %, OVER " + fmt("%.0f", overPercent)
                        + " % of the time: its credit, shared by weight among the " + ran + " domains that ran, is"
                        + " spent, so the others' BOOSTed wakes preempt it)";
            }
            Double share = c.shares().get(d);
            boolean waited = ready.isEmpty() || waitedPercent >= READY_PERCENT;
            if (share != null && share < SATURATED_PERCENT && cpu.get(d) >= AT_SHARE * share && waited) {
                return "CPU share of " + d + " (" + fmt("%.0f", cpu.get(d)) + " % of a CPU"
                        + (ready.isEmpty() ? "" : ", waiting ready " + fmt("%.0f", ready.get(d)) + " %")
                        + ", at or above the " + fmt("%.0f", share) + " % its weight " + c.weights().get(d) + " of "
                        + c.weight()
                        + " among the busy domains gives: OVER, the others' wakes preempt it)";
            }
        }
        return null;
    }

    /** "dom0 67 %, domU1 35 %": per domain, in reading order. */
    private static String percents(Map<String, Double> perDomain) {
        return perDomain.entrySet().stream().sorted(Map.Entry.comparingByKey(NameOrder.INSTANCE))
                .map(e -> e.getKey() + " " + fmt("%.0f", e.getValue()) + " %").collect(Collectors.joining(", "));
    }

    /** The most payload the wire carries (the slower of the link and the host's NIC), Mbit/s. */
    static double lineMbps(Scenario s, int payload, IpVersion ip, Transport transport) {
        DataRate rate = s.link().rate().compareTo(s.host().nic().lineRate()) <= 0 ? s.link().rate()
                : s.host().nic().lineRate();
        return Ethernet.maxGoodputMbps(rate, payload, ip, transport);
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
