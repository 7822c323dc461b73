package org.vnetlab.console.format;

import java.util.List;

/** A plain text table: right-aligned columns, a rule under the header. */
public final class TextTable {

    private TextTable() {
    }

    public static String render(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
        }
        for (List<String> row : rows) {
            for (int c = 0; c < row.size() && c < width.length; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (int c = 0; c < width.length; c++) {
            sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        sb.append('\n');
        for (List<String> row : rows) {
            line(sb, row, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < width.length; c++) {
            String s = c < cells.size() ? cells.get(c) : "";
            sb.append(c == 0 ? "" : "  ").append(" ".repeat(width[c] - s.length())).append(s);
        }
        sb.append('\n');
    }
}
