package org.vnetlab.console.report;

import org.knowm.xchart.style.lines.SeriesLines;

/**
 * Where a value comes from, and how the report tells it apart: the line style of its curves and
 * the name of its table columns.
 */
enum Origin {
    MEASURED("measured", "solid line"),
    EMULATED("emulated", "dash-dot line"),
    SIMULATED("simulated", "dashed line"),
    COMPUTED("computed", "dotted line, no markers"),
    PUBLISHED("published (TR 3/2008)", "tables only: the study's figures are images");

    private final String label;
    private final String drawnAs;

    Origin(String label, String drawnAs) {
        this.label = label;
        this.drawnAs = drawnAs;
    }

    String label() {
        return label;
    }

    String drawnAs() {
        return drawnAs;
    }

    java.awt.BasicStroke line() {
        return switch (this) {
            case MEASURED -> SeriesLines.SOLID;
            case EMULATED -> SeriesLines.DASH_DOT;
            case SIMULATED -> SeriesLines.DASH_DASH;
            case COMPUTED, PUBLISHED -> SeriesLines.DOT_DOT;
        };
    }

    /** The origin of a result's values from its {@code mode}. */
    static Origin ofMode(String mode) {
        return switch (mode) {
            case "measure" -> MEASURED;
            case "emulate" -> EMULATED;
            case "sim" -> SIMULATED;
            default -> throw new IllegalArgumentException("mode '" + mode + "' is not sim, emulate or measure");
        };
    }
}
