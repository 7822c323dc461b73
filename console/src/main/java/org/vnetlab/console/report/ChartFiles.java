package org.vnetlab.console.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Draws a {@link Figure} with XChart and writes it as PNG and SVG. Both files say in words what
 * they show, read back from the chart: the PNG in {@code tEXt} chunks (Title, Description,
 * X-Axis, Y-Axis, Series), the SVG in {@code <title>}, {@code <desc>} and a {@code <metadata>}
 * element, for screen readers, searches and tests.
 */
final class ChartFiles {

    /** The longest legend label drawn whole. */
    private static final int MAX_LABEL = 60;

    static final int WIDTH = 1000;
    static final int HEIGHT = 560;
    private static final Pattern CLIP_ID = Pattern.compile("clip\\d+");

    private ChartFiles() {
    }

    /** Writes {@code id.png} and {@code id.svg} into {@code dir}. */
    static void write(Figure figure, Path dir) throws IOException {
        XYChart chart = chart(figure);
        writePng(chart, dir.resolve(figure.id() + ".png"));
        writeSvg(chart, dir.resolve(figure.id() + ".svg"));
    }

    static XYChart chart(Figure figure) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(figure.title())
                .xAxisTitle(figure.xAxis()).yAxisTitle(figure.yAxis()).build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setAntiAlias(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setYAxisDecimalPattern("#");
        Set<String> used = new HashSet<>();
        for (Curve c : figure.curves()) {
            // XChart refuses a name twice; the same file given twice still draws, numbered. A long
            // label is cut first: XChart's legend shortens one a character at a time, re-measuring
            // the text each time (a scenario file's 300-character path took seconds a chart)
            String base = c.label().length() > MAX_LABEL ? c.label().substring(0, MAX_LABEL - 3) + "..." : c.label();
            String label = base;
            for (int n = 2; !used.add(label); n++) {
                label = base + " #" + n;
            }
            XYSeries s = chart.addSeries(label, c.series().xs(), c.series().ys());
            s.setLineStyle(c.origin().line());
            s.setLineColor(c.color());
            s.setMarker(c.marker());
            s.setMarkerColor(c.color());
        }
        return chart;
    }

    private static List<String[]> words(XYChart chart) {
        return List.of(new String[] {"Title", chart.getTitle()},
                new String[] {"X-Axis", chart.getXAxisTitle()},
                new String[] {"Y-Axis", chart.getYAxisTitle()},
                new String[] {"Series", names(chart, "\n")});
    }

    private static String names(XYChart chart, String separator) {
        return String.join(separator, chart.getSeriesCollection().stream().map(XYSeries::getName).toList());
    }

    private static void writePng(XYChart chart, Path file) throws IOException {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            for (String[] entry : words(chart)) {
                IIOMetadataNode e = new IIOMetadataNode("tEXtEntry");
                e.setAttribute("keyword", entry[0]);
                e.setAttribute("value", entry[1]);
                text.appendChild(e);
            }
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(text);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }

    /** Clip-path ids numbered in order of appearance, so the same chart gives the same bytes. */
    static String stableIds(String svg) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = CLIP_ID.matcher(svg);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, ids.computeIfAbsent(m.group(), k -> "clip" + (ids.size() + 1)));
        }
        return m.appendTail(out).toString();
    }

    private static void writeSvg(XYChart chart, Path file) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
                .writeTo(svg);
        String text = stableIds(svg.toString(StandardCharsets.UTF_8));
        StringBuilder described = new StringBuilder();
        described.append("<title>").append(Html.escape(chart.getTitle())).append("</title>\n");
        described.append("<desc>").append(Html.escape(chart.getYAxisTitle() + " against " + chart.getXAxisTitle()
                + "; series: " + names(chart, "; "))).append("</desc>\n");
        described.append("<metadata>\n");
        for (String[] entry : words(chart)) {
            for (String value : entry[1].split("\n")) {
                described.append("  <vnetlab:").append(entry[0].toLowerCase()).append(
                        " xmlns:vnetlab=\"https://vnetlab.org/report\">").append(Html.escape(value))
                        .append("</vnetlab:").append(entry[0].toLowerCase()).append(">\n");
            }
        }
        described.append("</metadata>\n");
        int open = text.indexOf('>', text.indexOf("<svg")) + 1;
        Files.writeString(file, text.substring(0, open) + "\n" + described + text.substring(open));
    }
}
