package org.vnetlab.console.report;

import java.util.List;
import org.vnetlab.config.Version;

/** The report page: sources, the figures (PNG, linked to their SVG), notes on omitted figures, the tables. */
final class Html {

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 980px; color: #222; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.8em; }
            figure { margin: 1.5em 0; } figure img { width: 100%; height: auto; border: 1px solid #ddd; }
            figcaption { font-size: 0.9em; color: #444; }
            table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
            th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: right; }
            th:first-child, td:first-child, td:nth-child(2) { text-align: left; }
            th.published, td.published { background: #f3f3f3; }
            th.measured { background: #dbe9f6; } th.simulated { background: #fbe3d6; } th.emulated { background: #e6f4dc; }
            .notes li { color: #8a4b00; }
            code { background: #f4f4f4; padding: 0 0.2em; }
            """;

    private Html() {
    }

    static String page(List<ResultFacts> results, List<Figure> figures, List<String> notes, List<Table> tables) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>vnetlab report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>vnetlab report</h1>\n<p>Effects of virtualisation on network processing, after CESNET ")
                .append("Technical Report 3/2008. vnetlab ").append(escape(Version.current())).append(".</p>\n");
        sources(sb, results);
        sb.append("<p>How to read it: ");
        for (Origin o : Origin.values()) {
            sb.append("<b>").append(escape(o.label())).append("</b>: ").append(escape(o.drawnAs()))
                    .append(o == Origin.PUBLISHED ? ".</p>\n" : "; ");
        }
        for (Figure f : figures) {
            sb.append("<figure id=\"").append(f.id()).append("\">\n<h2>").append(escape(f.title())).append("</h2>\n")
                    .append("<a href=\"").append(f.id()).append(".svg\"><img src=\"").append(f.id())
                    .append(".png\" alt=\"").append(escape(f.title())).append("\" width=\"").append(ChartFiles.WIDTH)
                    .append("\" height=\"").append(ChartFiles.HEIGHT).append("\"></a>\n<figcaption>")
                    .append(escape(f.caption())).append(" (<a href=\"").append(f.id()).append(".svg\">SVG</a>)")
                    .append("</figcaption>\n</figure>\n");
        }
        if (!notes.isEmpty()) {
            sb.append("<h2>Figures left out</h2>\n<ul class=\"notes\">\n");
            notes.forEach(n -> sb.append("<li>").append(escape(n)).append("</li>\n"));
            sb.append("</ul>\n");
        }
        tables.forEach(t -> table(sb, t));
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void sources(StringBuilder sb, List<ResultFacts> results) {
        if (results.isEmpty()) {
            sb.append("<p>No results were given: the study's published values only.</p>\n");
            return;
        }
        sb.append("<table>\n<tr><th>result</th><th>origin</th><th>scenario</th><th>seed</th><th>parameters</th>")
                .append("<th>made with</th><th>version</th><th>points</th></tr>\n");
        for (ResultFacts f : results) {
            sb.append("<tr><td><code>").append(escape(f.source())).append("</code></td><td>")
                    .append(escape(f.origin().label())).append("</td><td>").append(escape(f.result().scenario()))
                    .append("</td><td>").append(f.result().seed()).append("</td><td>")
                    .append(escape(f.result().parameters())).append("</td><td>")
                    .append(escape(f.result().made() == null ? "-" : f.result().made().describe())).append("</td><td>")
                    .append(escape(f.result().version())).append("</td><td>").append(f.result().points().size())
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void table(StringBuilder sb, Table t) {
        sb.append("<h2>").append(escape(t.title())).append("</h2>\n<p>").append(escape(t.caption()))
                .append("</p>\n<table>\n<tr>");
        for (String h : t.headers()) {
            sb.append("<th class=\"").append(cssClass(h)).append("\">").append(escape(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                sb.append("<td class=\"").append(cssClass(t.headers().get(i))).append("\">").append(escape(row.get(i)))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static String cssClass(String header) {
        for (Origin o : Origin.values()) {
            if (o.label().equals(header)) {
                return o.name().toLowerCase();
            }
        }
        return "plain";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
