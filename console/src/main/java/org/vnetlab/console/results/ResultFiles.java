package org.vnetlab.console.results;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
            return ResultJson.read(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageError(command + ": " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new UsageError(command + ": " + file + ": " + ResultJson.NOT_UTF8);
        } catch (IOException e) {
            throw new UsageError(command + ": " + file + ": cannot be read (" + e.getMessage() + ")");
        } catch (JsonInputException e) {
            throw new UsageError(command + ": " + file + ": not a vnetlab result: " + e.getMessage());
        }
    }
}
