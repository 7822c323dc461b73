package org.vnetlab.console.format;

import java.util.ArrayList;
import java.util.List;

/** A plain text table: right-aligned columns, a rule under the header. */
public final class TextTable {

    private static final int GAP = 2;

    private TextTable() {
    }

    public static String render(List<String> header, List<List<String>> rows) {
        int[] width = widths(header, rows);
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

    /**
     * The table as is when it fits {@code columns}; else in blocks one under the other, each
     * repeating the first {@code keys} columns (what a row is about) and holding as many of the
     * following groups of columns as fit ({@code groups} sizes, in order: a guest's Mbit/s and
     * loss stay together). A group wider than the terminal on its own gets a block of its own.
     */
    public static String fit(List<String> header, List<List<String>> rows, int columns, int keys, List<Integer> groups) {
        int[] width = widths(header, rows);
        if (total(width, 0, width.length) <= columns) {
            return render(header, rows);
        }
        int keyWidth = total(width, 0, keys);
        List<List<Integer>> blocks = new ArrayList<>();
        List<Integer> block = new ArrayList<>();
        int used = keyWidth;
        int start = keys;
        for (int size : groups) {
            int w = total(width, start, start + size) + GAP;
            if (!block.isEmpty() && used + w > columns) {
                blocks.add(block);
                block = new ArrayList<>();
                used = keyWidth;
            }
            for (int c = start; c < start + size; c++) {
                block.add(c);
            }
            used += w;
            start += size;
        }
        blocks.add(block);
        StringBuilder sb = new StringBuilder();
        for (List<Integer> b : blocks) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(render(pick(header, keys, b), rows.stream().map(r -> pick(r, keys, b)).toList()));
        }
        return sb.toString();
    }

    private static List<String> pick(List<String> row, int keys, List<Integer> columns) {
        List<String> out = new ArrayList<>(row.subList(0, keys));
        columns.forEach(c -> out.add(c < row.size() ? row.get(c) : ""));
        return out;
    }

    private static int[] widths(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
        }
        for (List<String> row : rows) {
            for (int c = 0; c < row.size() && c < width.length; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        return width;
    }

    /** Characters columns {@code from} to {@code to} take, with the gaps between them. */
    private static int total(int[] width, int from, int to) {
        int sum = 0;
        for (int c = from; c < to; c++) {
            sum += width[c] + (c == from ? 0 : GAP);
        }
        return sum;
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < width.length; c++) {
            String s = c < cells.size() ? cells.get(c) : "";
            sb.append(c == 0 ? "" : "  ").append(" ".repeat(width[c] - s.length())).append(s);
        }
        sb.append('\n');
    }
}
