package org.vnetlab.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset of published or measured values to compare the model with: lines of
 * {@code table,platform,protocol,direction,metric,value,unit}, '#' for comments. The bundled
 * one holds Tables 1 and 2 of CESNET TR 3/2008.
 */
public record ReferenceDataset(String name, List<Value> values) {

    static final String BUNDLED = "vnetlab/datasets/study.csv";

    /** One published value. */
    public record Value(String table, String platform, String protocol, String direction, String metric,
                        double value, String unit) {
    }

    public static ReferenceDataset study() {
        try (InputStream in = ReferenceDataset.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled dataset " + BUNDLED + " is missing from the jar");
            }
            return parse("study", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReferenceDataset read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new ConfigError(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static ReferenceDataset parse(String name, String text) {
        List<Value> values = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 7) {
                throw new ConfigError(name + ":" + (i + 1) + ": expected 7 fields"
                        + " (table,platform,protocol,direction,metric,value,unit), got " + f.length);
            }
            double v;
            try {
                v = Double.parseDouble(f[5].trim());
            } catch (NumberFormatException e) {
                throw new ConfigError(name + ":" + (i + 1) + ": value: '" + f[5] + "' is not a number");
            }
            values.add(new Value(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(), v, f[6].trim()));
        }
        return new ReferenceDataset(name, List.copyOf(values));
    }

    /** The value for these coordinates, if the dataset has it. */
    public java.util.Optional<Value> find(String platform, String protocol, String direction, String metric) {
        return values.stream().filter(v -> v.platform.equals(platform) && v.protocol.equals(protocol)
                && v.direction.equals(direction) && v.metric.equals(metric)).findFirst();
    }
}
