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

/**
 * A HOCON file read for vnetlab, its mistakes told where the user made them. Its includes are
 * files and each is required ({@link StrictIncluder}). Two of the parser's own messages point
 * elsewhere: a missing include names only the file it looked for, not the line that asked for it;
 * and a {@code '{'} left open is reported at the end of the file as a missing {@code ')'}.
 */
final class HoconFile {

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
            return ConfigFactory.parseFile(located.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)
                    .setSyntax(ConfigSyntax.CONF).setIncluder(new StrictIncluder()));
        } catch (StrictIncluder.Refused e) {
            throw includeLine(file, e.getMessage().substring(0, e.getMessage().indexOf('(')))
                    .map(at -> new ConfigError(file + ":" + at + ": include " + e.getMessage()))
                    .orElseGet(() -> new ConfigError(file + ": an include it reads: " + e.getMessage()));
        } catch (ConfigException.IO e) {
            throw missingInclude(file, e).orElseGet(() -> ConfigError.of(e));
        } catch (ConfigException.Parse e) {
            throw unclosedBrace(file, e).orElseGet(() -> ConfigError.of(e));
        } catch (StackOverflowError e) {
            // the parser recurses once per level: 100,000 nested brackets printed a thousand-line trace
            throw new ConfigError(file + ": nested too deeply to read (brackets or braces thousands of levels deep)");
        }
    }

    /**
     * The include line of {@code file} that names the file the parser could not find; one in a file
     * it includes is named with the folder it was looked for in.
     */
    private static Optional<ConfigError> missingInclude(Path file, ConfigException.IO e) {
        if (e.origin() == null) {
            return Optional.empty();
        }
        // the parser's origin of a missing include is the name as written, not a file
        Path folder = file.toAbsolutePath().normalize().getParent();
        // as written, or resolved against the including folder (as for a name that is a folder)
        Path named = Path.of(e.origin().description());
        String missing = (named.isAbsolute() && named.startsWith(folder) ? folder.relativize(named) : named.normalize())
                .toString();
        String relative = " (an include's path is relative to the including file's folder";
        String why = Files.isDirectory(folder.resolve(missing)) ? ": is a directory, not a file to include"
                : ": no such file";
        Optional<ConfigError> here = includeLine(file, missing).map(at -> new ConfigError(file + ":" + at + ": "
                + lines(file).get(at - 1).strip() + why + relative + ", " + folder + ")"));
        return Optional.of(here.orElseGet(() -> new ConfigError(file + ": a file it includes includes \"" + missing
                + "\", which is not there" + relative + ")")));
    }

    /** The line (1-based) of the first include in {@code file} that names {@code what}. */
    private static Optional<Integer> includeLine(Path file, String what) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("include") && line.contains(what)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
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
