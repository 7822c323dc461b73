package org.vnetlab.console.results;

import java.nio.file.Path;
import org.vnetlab.config.TextFiles;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.core.result.Result;
import org.vnetlab.core.result.ResultJson;
import org.vnetlab.core.text.JsonInputException;

/** Reads result files; every failure is one line that names the file. */
public final class ResultFiles {

    private ResultFiles() {
    }

    public static Result read(String command, Path file) {
        try {
            return ResultJson.read(TextFiles.read(file, ResultJson.NOT_UTF8));
        } catch (TextFiles.Unreadable e) {
            throw new UsageError(command + ": " + file + ": " + e.getMessage());
        } catch (JsonInputException e) {
            throw new UsageError(command + ": " + file + ": not a vnetlab result: " + e.getMessage());
        }
    }
}
