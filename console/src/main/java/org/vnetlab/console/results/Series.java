package org.vnetlab.console.results;

import java.util.Comparator;
import java.util.List;

/** One curve: a label and its points in ascending x. */
public record Series(String label, List<XY> points) {

    /** A point of a curve. */
    public record XY(double x, double y) {
    }

    public Series {
        points = points.stream().sorted(Comparator.comparingDouble(XY::x)).toList();
    }

    public double[] xs() {
        return points.stream().mapToDouble(XY::x).toArray();
    }

    public double[] ys() {
        return points.stream().mapToDouble(XY::y).toArray();
    }
}
