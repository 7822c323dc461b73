package org.vnetlab.console.report;

import java.util.List;

/**
 * One of the report's figures, before drawing.
 *
 * @param id      file name stem, e.g. {@code udp-throughput}
 * @param caption one or two sentences under the figure
 */
record Figure(String id, String title, String caption, String xAxis, String yAxis, List<Curve> curves) {

    Figure {
        curves = List.copyOf(curves);
    }
}
