package org.vnetlab.console.results;

import java.util.Comparator;
import java.util.List;

/**
 * One curve: a label, what it is a curve of, and its points in ascending x.
 *
 * @param key what the curve shows: transport, direction, protocol and guest (throughput) or domain (CPU)
 */
public record Series(String label, Key key, List<XY> points) {

    /** A point of a curve. */
    public record XY(double x, double y) {
    }

    /** @param name the guest (throughput curves) or the domain (CPU curves) */
    public record Key(String transport, String direction, String protocol, String name) {
    }

    public Series {
        points = points.stream().sorted(Comparator.comparingDouble(XY::x)).toList();
    }

    public Series withLabel(String newLabel) {
        return new Series(newLabel, key, points);
    }

    public double[] xs() {
        return points.stream().mapToDouble(XY::x).toArray();
    }

    public double[] ys() {
        return points.stream().mapToDouble(XY::y).toArray();
    }
}
