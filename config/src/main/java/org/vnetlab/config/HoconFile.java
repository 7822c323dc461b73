package org.vnetlab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A HOCON file read for vnetlab, its mistakes told where the user made them. Two of the parser's
 * own messages point elsewhere: a missing {@code include required(...)} names only the file it
 * looked for, not the line that asked for it; and a {@code '{'} left open is reported at the end
 * of the file as a missing {@code ')'}.
 */
final class HoconFile {

    /** {@code include "x.conf"} or {@code include file("x.conf")}: a file include HOCON may skip. */
    private static final Pattern OPTIONAL_INCLUDE =
            Pattern.compile("\\s*include\\s+(?:file\\(\\s*)?\"([^\"]+)\"\\s*\\)?\\s*(?:#.*|//.*)?");

    private HoconFile() {
    }

    /** Parses {@code file}; every mistake is a one-line {@link ConfigError} with a file and line. */
    static Config parse(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigError(file + ": cannot be read");
        }
        // a bare name has no parent folder, and the parser then drops its includes without a word
        Path located = file.getParent() == null ? Path.of(".").resolve(file) : file;
        try {
            Config parsed = ConfigFactory.parseFile(located.toFile(),
                    ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
            Optional<ConfigError> missing = missingOptionalInclude(located);
            if (missing.isPresent()) {
                throw missing.get();
            }
            return parsed;
        } catch (ConfigException.IO e) {
            throw missingInclude(file, e).orElseGet(() -> ConfigError.of(e));
        } catch (ConfigException.Parse e) {
            throw unclosedBrace(file, e).orElseGet(() -> ConfigError.of(e));
        }
    }

    /** The include line of {@code file} that names the file the parser could not find. */
    private static Optional<ConfigError> missingInclude(Path file, ConfigException.IO e) {
        if (e.origin() == null) {
            return Optional.empty();
        }
        // the parser's origin of a missing include is the name as written, not a file
        String missing = e.origin().description();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("include") && line.contains(missing)) {
                return Optional.of(new ConfigError(file + ":" + (i + 1) + ": " + line + ": no such file (an include's path is"
                        + " relative to the including file's folder, " + file.toAbsolutePath().normalize().getParent() + ")"));
            }
        }
        return Optional.empty();
    }

    /**
     * An include of {@code file} that names a file which is not there. HOCON skips such an include
     * without a word unless it is written {@code required(...)}; in a scenario it is a mistyped
     * name whose keys would silently go missing.
     */
    private static Optional<ConfigError> missingOptionalInclude(Path file) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = OPTIONAL_INCLUDE.matcher(lines.get(i));
            if (m.matches() && !included(file.resolveSibling(m.group(1)))) {
                return Optional.of(new ConfigError(file + ":" + (i + 1) + ": " + lines.get(i).strip()
                        + ": no such file (an include's path is relative to the including file's folder, "
                        + file.toAbsolutePath().normalize().getParent() + ")"));
            }
        }
        return Optional.empty();
    }

    /** Whether an include finds {@code named}: as named or, as HOCON looks, with .conf, .json or .properties. */
    private static boolean included(Path named) {
        return Stream.of("", ".conf", ".json", ".properties")
                .anyMatch(ext -> Files.exists(named.resolveSibling(named.getFileName() + ext)));
    }

    /** A parse error at the end of {@code file} that is a {@code '{'} never closed, told at the brace. */
    private static Optional<ConfigError> unclosedBrace(Path file, ConfigException.Parse e) {
        if (!e.getMessage().contains("end of file")) {
            return Optional.empty();
        }
        return openBraceLine(lines(file)).map(line -> new ConfigError(file + ":" + line
                + ": this '{' is never closed: the file ends inside it (a '}' is missing)"));
    }

    /** The line (1-based) of the first '{' without its '}', outside strings and comments. */
    static Optional<Integer> openBraceLine(List<String> lines) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean quoted = false;
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (quoted) {
                    if (ch == '\\') {
                        c++;
                    } else if (ch == '"') {
                        quoted = false;
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == '#' || line.startsWith("//", c)) {
                    break;
                } else if (ch == '{') {
                    open.push(i + 1);
                } else if (ch == '}' && !open.isEmpty()) {
                    open.pop();
                }
            }
        }
        return open.isEmpty() ? Optional.empty() : Optional.of(open.peekLast());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
