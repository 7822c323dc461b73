package org.vnetlab.console.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --params FILE}: model parameters from a file, as calibrate writes them. */
public final class ParamsOption {

    @Option(names = "--params", paramLabel = "FILE",
            description = "model parameters (model.* keys) from a file, e.g. one written by calibrate"
                    + " (default: the bundled defaults)")
    Path file;

    /** The parameter file, or null for the bundled defaults. */
    public Path file() {
        return file;
    }
}
