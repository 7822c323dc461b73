package org.vnetlab.console.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vnetlab.console.cli.OutputPaths;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultCsv;
import org.vnetlab.core.result.ResultJson;
import picocli.CommandLine.Option;

/**
 * Where a result is written: {@code --json FILE} and {@code --csv FILE}, {@code -} for standard
 * output. The paths are checked before any work starts, so a long run never ends in a write error.
 */
public final class OutputOptions {

    /** The file name that means standard output. */
    public static final String STDOUT = "-";

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON (vnetlab.result/1); - for stdout")
    String json;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the result as CSV; - for stdout")
    String csv;

    /** True when a result goes to standard output, so nothing else may be printed there. */
    public boolean toStdout() {
        return STDOUT.equals(json) || STDOUT.equals(csv);
    }

    public boolean any() {
        return json != null || csv != null;
    }

    /** Fails with one line when a file could not be written: a directory, or a folder that does not exist. */
    public void check(String command) {
        if (STDOUT.equals(json) && STDOUT.equals(csv)) {
            throw new UsageError(command + ": --json and --csv cannot both go to stdout");
        }
        if (json != null && csv != null && !STDOUT.equals(json)
                && Path.of(json).toAbsolutePath().normalize().equals(Path.of(csv).toAbsolutePath().normalize())) {
            throw new UsageError(command + ": --json and --csv name the same file " + json + "; the CSV would replace"
                    + " the JSON");
        }
        check(command, "--json", json);
        check(command, "--csv", csv);
    }

    /** Fails with one line when {@code file} (given with {@code flag}) could not be written ({@link OutputPaths#checkFile}). */
    static void check(String command, String flag, String file) {
        if (file != null && !file.equals(STDOUT)) {
            OutputPaths.checkFile(command, flag, Path.of(file));
        }
    }

    /** Writes the result where asked; says so on stderr for files. */
    public void write(Result result, Terminal io) throws IOException {
        write(json, ResultJson.write(result), io);
        write(csv, ResultCsv.write(result), io);
    }

    /** Writes {@code text} to {@code file}, or to stdout for {@value #STDOUT}; says so on stderr for files. */
    static void write(String file, String text, Terminal io) throws IOException {
        if (file == null) {
            return;
        }
        if (file.equals(STDOUT)) {
            io.out().print(text);
            io.out().flush();
            return;
        }
        try {
            Files.writeString(Path.of(file), text);
        } catch (IOException e) {
            // a full disk or a file removed meanwhile: the checks before the run could not know
            throw new IOException("cannot write " + file + ": " + OutputPaths.reason(e), e);
        }
        io.err().println("wrote " + file);
    }
}
