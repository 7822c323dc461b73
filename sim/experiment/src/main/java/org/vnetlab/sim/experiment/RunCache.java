package org.vnetlab.sim.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vnetlab.config.Version;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.core.text.Json;
import org.vnetlab.core.text.JsonInput;
import org.vnetlab.core.text.JsonInputException;

/**
 * Results of runs already made, on disk, so a run is simulated once: {@code whatif} finds its
 * baseline there, {@code plan} the candidates it tried before. A run's result is a function of
 * the scenario as the simulator sees it (every key resolved, the seed and the model parameters
 * included), the run (transport, protocol, payload, direction, trial, duration) and the code;
 * the key is a SHA-256 of all of them: the scenario's and the run's complete text, the version,
 * the {@link CodeFingerprint} and the JVM. Changing any of them finds nothing, so a stale result
 * is never served. A file that cannot be read as the entry its name promises counts as absent.
 *
 * <p>Layout: {@code DIR/runs/FINGERPRINT/KEY.json}, one small file per run, written to a
 * temporary file and moved into place, so concurrent commands never see half a file. Each build
 * of vnetlab has its own folder under {@code runs/}; deleting {@code DIR} clears the cache.
 */
public final class RunCache {

    /** The cache entries' format; part of every key. */
    static final String FORMAT = "vnetlab.run-cache/3";

    private static final RunCache NONE = new RunCache(null);

    private final Path folder;
    private final Map<Scenario, String> scenarioKeys = Collections.synchronizedMap(new IdentityHashMap<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private RunCache(Path folder) {
        this.folder = folder;
    }

    /** No cache: nothing is found, nothing is kept. */
    public static RunCache none() {
        return NONE;
    }

    /** A cache under {@code dir} (created when the first result is kept). */
    public static RunCache in(Path dir) {
        return new RunCache(dir.resolve("runs").resolve(CodeFingerprint.current().substring(0, 16)));
    }

    /**
     * Where a user's cache lives: {@code $XDG_CACHE_HOME/vnetlab} when that variable holds an
     * absolute path (the XDG base directory rule), else {@code ~/.cache/vnetlab}.
     */
    public static Path defaultDir(Map<String, String> environment, String userHome) {
        String xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
        if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "vnetlab");
        }
        return Path.of(userHome, ".cache", "vnetlab");
    }

    /** The folder this program's entries go to, or empty without a cache. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The result kept for {@code job}, if any. */
    public Optional<RunResult> find(Job job) {
        if (folder == null) {
            return Optional.empty();
        }
        String key = key(job);
        String text;
        try {
            text = Files.readString(file(key), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            problems.add("cannot read " + file(key) + ": " + e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JsonInput.read(text, in -> entry(in, key, job.spec())));
        } catch (JsonInputException | UncheckedIOException e) {
            return Optional.empty(); // a damaged entry: the run is made again and the entry rewritten
        }
    }

    /** Keeps {@code result} for {@code job}; a failure to write is remembered in {@link #problems()}, not thrown. */
    public void keep(Job job, RunResult result) {
        if (folder == null) {
            return;
        }
        String key = key(job);
        String text = Json.compact(g -> {
            g.writeStartObject();
            g.writeStringField("key", key);
            g.writeStringField("run", job.spec().toString());
            g.writeFieldName("result");
            RunResultJson.write(g, result);
            g.writeEndObject();
        });
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, key, ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                move(tmp, file(key));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            problems.add("cannot write " + folder + ": " + e.getMessage());
        }
    }

    /** What went wrong reading or writing entries (the command goes on without them). */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** The entry's key: a digest of everything the run's result depends on. */
    String key(Job job) {
        String scenario = scenarioKeys.computeIfAbsent(job.scenario(), s -> digest(s.toString()));
        return digest(FORMAT + "\n" + Version.current() + "\n" + CodeFingerprint.current() + "\n"
                + System.getProperty("java.vm.version") + " " + System.getProperty("os.arch") + "\n" + scenario
                + "\n" + job.spec());
    }

    private Path file(String key) {
        return folder.resolve(key + ".json");
    }

    private static RunResult entry(JsonInput in, String key, RunSpec spec) {
        String[] found = new String[2];
        RunResult[] result = new RunResult[1];
        in.object("entry", name -> {
            switch (name) {
                case "key" -> found[0] = in.string(name);
                case "run" -> found[1] = in.string(name);
                case "result" -> result[0] = RunResultJson.read(in, spec);
                default -> throw in.error("unknown key '" + name + "'");
            }
        });
        return key.equals(found[0]) && spec.toString().equals(found[1]) ? result[0] : null;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String digest(String text) {
        MessageDigest sha = CodeFingerprint.sha256();
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
