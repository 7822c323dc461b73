package org.vnetlab.console.report;

import java.awt.Color;
import org.knowm.xchart.style.markers.Marker;
import org.vnetlab.console.results.Series;

/** A curve as a figure draws it: data, origin (line style), colour and marker. */
record Curve(Series series, Origin origin, Color color, Marker marker) {

    String label() {
        return origin.label() + ": " + series.label();
    }
}
