package org.vnetlab.core.text;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The one JSON stack of vnetlab (Jackson's streaming API) and the limits every input is read
 * under. Result files, control frames and iperf3's reports are all read as untrusted: the limits
 * bound what one document can make the reader hold, whatever its size.
 */
public final class Json {

    /** Containers inside containers; a result nests 4 deep, iperf3's report 5. */
    public static final int MAX_DEPTH = 32;
    /** Characters of one string value. */
    public static final int MAX_STRING = 64 * 1024;
    /** Characters of one object key. */
    public static final int MAX_NAME = 1024;
    /** Characters of one number (a double needs at most 24). */
    public static final int MAX_NUMBER = 64;
    /** Characters of input shown in an error message. */
    private static final int ERROR_EXCERPT = 32;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(MAX_NAME)
                    .maxNumberLength(MAX_NUMBER)
                    .build())
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(ERROR_EXCERPT)
                    .maxRawContentLength(0)
                    .build())
            // a hostile document must not grow the JVM's string table, nor repeat a key to override it
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /** Something that writes one JSON value to a generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** One value on one line, as few bytes as JSON allows (control frames). */
    public static String compact(Body body) {
        return render(body, false);
    }

    /** One value laid out by {@link JsonLayout}, ending with a newline (files people read). */
    public static String pretty(Body body) {
        return render(body, true) + "\n";
    }

    private static String render(Body body, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new JsonLayout());
            }
            body.write(g);
        } catch (IOException e) {
            // a StringWriter does not fail; a generator refuses only a value written out of place
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
