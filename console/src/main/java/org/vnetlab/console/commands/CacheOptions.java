package org.vnetlab.console.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vnetlab.console.cli.OutputPaths;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.cli.UsageError;
import org.vnetlab.sim.experiment.RunCache;
import picocli.CommandLine.Option;

/**
 * {@code --no-cache} and {@code --cache-dir}: where results of runs already made are kept, so a
 * command that needs them again (a what-if's baseline, a plan's candidates) takes them from there.
 */
final class CacheOptions {

    @Option(names = "--no-cache", description = "simulate every run: neither read nor keep results in the run cache")
    boolean off;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "the run cache (default: $XDG_CACHE_HOME/vnetlab, else ~/.cache/vnetlab; delete it to clear)")
    Path dir;

    RunCache cache() {
        if (off) {
            return RunCache.none();
        }
        if (dir != null) {
            OutputPaths.checkNamed("--cache-dir", dir);
        }
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError("--cache-dir " + dir + ": is a file, not a directory (the run cache is a folder)");
        }
        return RunCache.in(dir != null ? dir : RunCache.defaultDir(System.getenv(), System.getProperty("user.home")));
    }

    /**
     * One line on stderr saying how many runs came from the cache and where it is (stderr, so the
     * output itself is the same bytes with a cold cache or a warm one), and any trouble it had.
     */
    static void report(String command, RunCache cache, int cached, int runs, Terminal io) {
        cache.folder().ifPresent(folder -> io.err().println(command + ": " + cached + " of " + runs
                + " runs from the run cache " + folder.getParent().getParent() + " (--no-cache simulates them all)"));
        List<String> problems = cache.problems();
        if (!problems.isEmpty()) {
            io.err().println("vnetlab: " + command + ": run cache: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "") + "; runs went on without it");
        }
    }
}
