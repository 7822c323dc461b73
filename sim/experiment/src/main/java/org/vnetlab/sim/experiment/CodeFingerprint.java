package org.vnetlab.sim.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.core.model.Scenario;
import org.vnetlab.sim.model.Testbed;

/**
 * A digest of the code and bundled resources a simulation's result depends on: the classes of
 * core, config, the model and the experiments, the bundled scenarios and every reference.conf.
 * Any change to them (a rebuilt model, a new default) gives another fingerprint, whether or not
 * the version number moved; so a {@link RunCache} entry made by other code is never found.
 * Read from the jar or the class folders the classes were loaded from; the digest covers names
 * and contents in sorted order, never timestamps.
 */
public final class CodeFingerprint {

    /** Entries of a location that belong to the simulation (a fat jar also holds the console and libraries). */
    private static final List<String> PREFIXES = List.of("org/vnetlab/core/", "org/vnetlab/config/",
            "org/vnetlab/sim/", "vnetlab/", "reference.conf");

    private static volatile String current;

    private CodeFingerprint() {
    }

    /** This program's fingerprint, hex; computed once. */
    public static String current() {
        String f = current;
        if (f == null) {
            Set<Path> locations = new LinkedHashSet<>();
            for (Class<?> c : List.of(Scenario.class, ScenarioLoader.class, Testbed.class, Experiment.class)) {
                locations.add(locationOf(c));
            }
            f = of(locations);
            current = f;
        }
        return f;
    }

    private static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from", e);
        }
    }

    /** The fingerprint of the class folders and jars at {@code locations}, in that order. */
    static String of(Collection<Path> locations) {
        TreeMap<String, byte[]> entries = new TreeMap<>();
        try {
            int n = 0;
            for (Path location : locations) {
                // module folders each hold a reference.conf: the location's number keeps them apart
                String tag = n++ + "!";
                if (Files.isDirectory(location)) {
                    folder(location, tag, entries);
                } else {
                    jar(location, tag, entries);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the program's classes to fingerprint them", e);
        }
        MessageDigest sha = sha256();
        entries.forEach((name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void folder(Path root, String tag, TreeMap<String, byte[]> into) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            String name = root.relativize(f).toString().replace('\\', '/');
            if (included(name)) {
                into.put(tag + name, Files.readAllBytes(f));
            }
        }
    }

    private static void jar(Path file, String tag, TreeMap<String, byte[]> into) throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                if (!e.isDirectory() && included(e.getName())) {
                    try (InputStream in = jar.getInputStream(e)) {
                        into.put(tag + e.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static boolean included(String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
