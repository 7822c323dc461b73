package org.vnetlab.console.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.result.Result;

/**
 * Writes the report of some results into a directory: {@code index.html}, and a PNG and an SVG
 * per figure. Headless: needs no display, only fonts.
 */
public final class Report {

    /** A result and where it came from (a file name, or the console session). */
    public record Source(Result result, String name) {
    }

    private final ScenarioLoader loader;
    private final ReferenceDataset study;

    public Report(ScenarioLoader loader, ReferenceDataset study) {
        this.loader = loader;
        this.study = study;
    }

    /** Writes the report and returns the path of its {@code index.html}. */
    public Path write(List<Source> sources, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<ResultFacts> results = sources.stream().map(s -> ResultFacts.of(s.result(), s.name(), loader)).toList();
        StudyFigures figures = new StudyFigures(results);
        List<Figure> unique = uniqueIds(figures.figures());
        for (Figure f : unique) {
            ChartFiles.write(f, dir);
        }
        StudyTables tables = new StudyTables(study, results);
        Path index = dir.resolve("index.html");
        Files.writeString(index, Html.page(results, unique, figures.notes(), List.of(tables.table1(), tables.table2())));
        return index;
    }

    /** Tables 1 and 2 beside the study's values, as text for a terminal. */
    public String tablesAsText(List<Source> sources) {
        List<ResultFacts> results = sources.stream().map(s -> ResultFacts.of(s.result(), s.name(), loader)).toList();
        StudyTables tables = new StudyTables(study, results);
        StringBuilder sb = new StringBuilder();
        for (Table t : List.of(tables.table1(), tables.table2())) {
            sb.append(t.title()).append('\n').append(org.vnetlab.console.format.TextTable.render(t.headers(), t.rows()));
            if (t.headers().contains(StudyTables.NOTE)) {
                sb.append(StudyTables.LEGEND).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Two results of the same scenario and mode get {@code -2}, {@code -3}... on their figures' names. */
    private static List<Figure> uniqueIds(List<Figure> figures) {
        Set<String> seen = new HashSet<>();
        List<Figure> out = new ArrayList<>();
        for (Figure f : figures) {
            String id = f.id();
            for (int n = 2; !seen.add(id); n++) {
                id = f.id() + "-" + n;
            }
            out.add(new Figure(id, f.title(), f.caption(), f.xAxis(), f.yAxis(), f.curves()));
        }
        return out;
    }
}
