package org.vnetlab.console.chart;

import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;
import java.math.MathContext;
import org.vnetlab.console.results.Series;

/**
 * A line chart drawn with characters, as wide as the terminal: lines in braille dots (2x4 per
 * character) with a distinct marker per series at every point, or in plain ASCII ('.' lines,
 * letters and symbols as markers) when the terminal cannot show Unicode. The y axis starts at 0.
 */
public final class TerminalChart {

    /** Rows of the plotting area. */
    static final int ROWS = 16;
    private static final String[] UNICODE_MARKERS = {"●", "▲", "■", "◆", "○", "△", "□", "◇", "✚", "★"};
    private static final String[] ASCII_MARKERS = {"*", "o", "+", "x", "#", "@", "%", "&", "=", "$"};
    private static final int[][] BRAILLE_BITS = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

    private final boolean unicode;
    private final int width;

    /** @param width total columns the chart may use, at least 40 */
    public TerminalChart(int width, boolean unicode) {
        this.width = Math.max(40, width);
        this.unicode = unicode;
    }

    public String render(String title, String xAxis, String yAxis, List<Series> series) {
        double xMin = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Series.XY::x).min().orElse(0);
        double xMax = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Series.XY::x).max().orElse(1);
        if (xMax <= xMin) {
            // one x (a single payload): centred in a range around it
            xMin -= 1;
            xMax += 1;
        }
        double yTop = niceCeiling(series.stream().flatMap(s -> s.points().stream()).mapToDouble(Series.XY::y)
                .max().orElse(1));
        List<String> yLabels = new ArrayList<>();
        for (int k = 4; k >= 0; k--) {
            yLabels.add(number(yTop * k / 4, yTop));
        }
        int labelWidth = yLabels.stream().mapToInt(String::length).max().orElse(1);
        int columns = width - labelWidth - 2;
        Canvas canvas = new Canvas(columns, unicode ? 2 : 1, unicode ? 4 : 1);
        for (Series s : series) {
            int[] px = new int[s.points().size()];
            int[] py = new int[px.length];
            for (int i = 0; i < px.length; i++) {
                px[i] = canvas.x(s.points().get(i).x(), xMin, xMax);
                py[i] = canvas.y(s.points().get(i).y(), yTop);
                if (i > 0) {
                    canvas.line(px[i - 1], py[i - 1], px[i], py[i]);
                }
            }
            for (int i = 0; i < px.length; i++) {
                canvas.mark(px[i], py[i], marker(series.indexOf(s)));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n').append(yAxis).append('\n');
        for (int row = 0; row < ROWS; row++) {
            int tick = tickIndex(row);
            String label = tick >= 0 ? yLabels.get(tick) : "";
            sb.append(" ".repeat(labelWidth - label.length())).append(label).append(' ');
            sb.append(tick >= 0 ? (unicode ? '┤' : '+') : (unicode ? '│' : '|'));
            sb.append(canvas.row(row)).append('\n');
        }
        sb.append(" ".repeat(labelWidth + 1)).append(unicode ? '└' : '+')
                .append(String.valueOf(unicode ? '─' : '-').repeat(columns)).append('\n');
        sb.append(" ".repeat(labelWidth + 2)).append(xTicks(columns, xMin, xMax)).append('\n');
        sb.append(" ".repeat(Math.max(0, labelWidth + 2 + columns - xAxis.length()))).append(xAxis).append('\n');
        sb.append(legend(series));
        return sb.toString();
    }

    private String marker(int index) {
        String[] markers = unicode ? UNICODE_MARKERS : ASCII_MARKERS;
        return markers[index % markers.length];
    }

    /** Which of the 5 y labels (top first) sits on this row, or -1. */
    private static int tickIndex(int row) {
        for (int k = 0; k <= 4; k++) {
            if (Math.round(k * (ROWS - 1) / 4.0) == row) {
                return k;
            }
        }
        return -1;
    }

    /** Labels under the x axis: its ends, and round values between them where they fit. */
    private static String xTicks(int columns, double xMin, double xMax) {
        char[] line = " ".repeat(columns).toCharArray();
        String first = number(xMin, xMax);
        String last = number(xMax, xMax);
        int lastStart = Math.max(first.length() + 1, columns - last.length());
        first.getChars(0, first.length(), line, 0);
        last.getChars(0, Math.min(last.length(), columns - lastStart), line, lastStart);
        double step = niceCeiling((xMax - xMin) / 6);
        if (xMax >= 10) {
            // labels of a scale of 10 or more are whole numbers: a finer step would label 35.5 as 36
            step = Math.max(1, step);
        }
        int freeFrom = first.length() + 1;
        for (double t = Math.ceil(xMin / step) * step; t < xMax; t += step) {
            String label = number(t, xMax);
            int at = (int) Math.round((t - xMin) / (xMax - xMin) * (columns - 1));
            int start = at - label.length() / 2;
            boolean nearAnEnd = at < columns / 12 || at > columns - columns / 12;
            if (!nearAnEnd && start >= freeFrom && start + label.length() + 1 <= lastStart) {
                label.getChars(0, label.length(), line, start);
                freeFrom = start + label.length() + 1;
            }
        }
        return new String(line).stripTrailing();
    }

    private String legend(List<Series> series) {
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < series.size(); i++) {
            String entry = marker(i) + " " + series.get(i).label();
            if (used > 0 && used + 3 + entry.length() > width) {
                sb.append('\n');
                used = 0;
            }
            if (used > 0) {
                sb.append("   ");
                used += 3;
            }
            sb.append(entry);
            used += entry.length();
        }
        return sb.append('\n').toString();
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= v * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String number(double v, double scale) {
        return scale >= 10 ? Long.toString(Math.round(v))
                : new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** Character cells, each {@code cellWidth x cellHeight} dots; a marker replaces the cell's dots. */
    private final class Canvas {
        private final int columns;
        private final int cellWidth;
        private final int cellHeight;
        private final boolean[][] dots;
        private final String[][] markers;

        Canvas(int columns, int cellWidth, int cellHeight) {
            this.columns = columns;
            this.cellWidth = cellWidth;
            this.cellHeight = cellHeight;
            this.dots = new boolean[ROWS * cellHeight][columns * cellWidth];
            this.markers = new String[ROWS][columns];
        }

        int x(double x, double xMin, double xMax) {
            return (int) Math.round((x - xMin) / (xMax - xMin) * (columns * cellWidth - 1));
        }

        int y(double y, double yTop) {
            double clamped = Math.max(0, Math.min(yTop, y));
            return (int) Math.round((1 - clamped / yTop) * (ROWS * cellHeight - 1));
        }

        void line(int x0, int y0, int x1, int y1) {
            int dx = Math.abs(x1 - x0);
            int dy = -Math.abs(y1 - y0);
            int sx = x0 < x1 ? 1 : -1;
            int sy = y0 < y1 ? 1 : -1;
            int error = dx + dy;
            while (true) {
                dots[y0][x0] = true;
                if (x0 == x1 && y0 == y1) {
                    return;
                }
                int e2 = 2 * error;
                if (e2 >= dy) {
                    error += dy;
                    x0 += sx;
                }
                if (e2 <= dx) {
                    error += dx;
                    y0 += sy;
                }
            }
        }

        void mark(int x, int y, String marker) {
            markers[y / cellHeight][x / cellWidth] = marker;
        }

        String row(int row) {
            StringBuilder sb = new StringBuilder();
            for (int col = 0; col < columns; col++) {
                if (markers[row][col] != null) {
                    sb.append(markers[row][col]);
                } else {
                    sb.append(cell(row, col));
                }
            }
            return sb.toString().stripTrailing();
        }

        private char cell(int row, int col) {
            if (!unicode) {
                return dots[row][col] ? '.' : ' ';
            }
            int bits = 0;
            for (int dy = 0; dy < cellHeight; dy++) {
                for (int dx = 0; dx < cellWidth; dx++) {
                    if (dots[row * cellHeight + dy][col * cellWidth + dx]) {
                        bits |= BRAILLE_BITS[dy][dx];
                    }
                }
            }
            return bits == 0 ? ' ' : (char) (0x2800 + bits);
        }
    }
}
