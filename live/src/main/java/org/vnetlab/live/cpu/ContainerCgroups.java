package org.vnetlab.live.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vnetlab.core.text.JsonInput;
import org.vnetlab.core.text.JsonInputException;

/**
 * Finds a container's cgroup v2 by the container's name, for Docker, Podman and LXC, from the state
 * each keeps on disk (no daemon is asked). Docker keeps {@code containers/ID/config.v2.json} with
 * {@code "Name":"/NAME"}, its cgroup {@code system.slice/docker-ID.scope} (systemd driver) or
 * {@code docker/ID} (cgroupfs driver); Podman lists {@code {"id":ID,"names":[NAME]}} in
 * {@code overlay-containers/containers.json}, its cgroup {@code machine.slice/libpod-ID.scope}, a
 * rootless user's {@code user.slice/.../libpod-ID.scope} or {@code libpod_parent/libpod-ID}; LXC 4+
 * puts a container in {@code lxc.payload.NAME}. A container that is known but stopped has no cgroup
 * and does not match. The roots are parameters so that tests can lay out a recorded tree.
 */
public final class ContainerCgroups {

    /** Docker's and Podman's rule for a container name; LXC's names are looked up under it too. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}");
    /** Both engines name a container by 64 hexadecimal digits; anything else never becomes a path. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    /** A rootless container's scope sits at user.slice/user-UID.slice/user@UID.service/SLICE/libpod-ID.scope. */
    private static final int USER_SLICE_DEPTH = 5;
    /** A state file larger than this is not one an engine wrote. */
    private static final long MAX_STATE_BYTES = 16L * 1024 * 1024;

    private final Path cgroup;
    private final Path docker;
    private final Path podman;

    /**
     * @param cgroup the cgroup v2 root ({@link CgroupTree#root()})
     * @param docker Docker's data root ({@code /var/lib/docker})
     * @param podman Podman's storage root ({@code /var/lib/containers/storage})
     */
    public ContainerCgroups(Path cgroup, Path docker, Path podman) {
        this.cgroup = cgroup;
        this.docker = docker;
        this.podman = podman;
    }

    /**
     * The cgroup of the one running container named {@code name}.
     *
     * @throws IllegalArgumentException one line: a name that is not one, a state file that cannot be
     *     read, no running container of that name (with the places looked at), or several
     */
    public Path cgroup(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a container name (a letter or digit, then"
                    + " letters, digits, '_', '.' or '-')");
        }
        List<Found> found = new ArrayList<>();
        for (String id : dockerIds(name)) {
            existing(found, "docker " + shortId(id), "system.slice/docker-" + id + ".scope", "docker/" + id);
        }
        for (String id : podmanIds(name)) {
            existing(found, "podman " + shortId(id), "machine.slice/libpod-" + id + ".scope",
                    "libpod_parent/libpod-" + id);
            rootlessScope(id).ifPresent(p -> found.add(new Found("podman " + shortId(id), p)));
        }
        existing(found, "lxc", "lxc.payload." + name);
        if (found.size() == 1) {
            return found.get(0).cgroup();
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no running container named " + name + " (looked at "
                    + docker.resolve("containers/*/config.v2.json") + ", "
                    + podman.resolve("overlay-containers/containers.json") + " and "
                    + cgroup.resolve("lxc.payload." + name)
                    + "); valid: a running Docker, Podman or LXC container's name, or --cpu cgroup:PATH");
        }
        throw new IllegalArgumentException("several running containers are named " + name + ": "
                + found.stream().map(f -> f.engine() + " at " + cgroup.relativize(f.cgroup())).toList()
                + "; name one with --cpu cgroup:PATH");
    }

    private record Found(String engine, Path cgroup) {
    }

    private void existing(List<Found> found, String engine, String... candidates) {
        for (String candidate : candidates) {
            Path p = cgroup.resolve(candidate);
            if (Files.isDirectory(p)) {
                found.add(new Found(engine, p));
            }
        }
    }

    /** The Docker containers named {@code name}: each {@code containers/ID/config.v2.json} read. */
    private List<String> dockerIds(String name) {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(docker.resolve("containers"))) {
            for (Path dir : dirs) {
                String id = dir.getFileName().toString();
                Path config = dir.resolve("config.v2.json");
                if (ID.matcher(id).matches() && Files.isRegularFile(config)
                        && ("/" + name).equals(read(config, ContainerCgroups::dockerName))) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return ids; // no Docker here
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + docker.resolve("containers") + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        ids.sort(null);
        return ids;
    }

    /** The {@code Name} of a Docker {@code config.v2.json} ({@code "/NAME"}), or null when it has none. */
    static String dockerName(JsonInput in) {
        String[] name = {null};
        in.object("config.v2.json", key -> {
            if (key.equals("Name")) {
                name[0] = in.string("Name");
            } else {
                in.skip();
            }
        });
        return name[0];
    }

    /** The Podman containers named {@code name}, from {@code overlay-containers/containers.json}. */
    private List<String> podmanIds(String name) {
        Path list = podman.resolve("overlay-containers/containers.json");
        if (!Files.isRegularFile(list)) {
            return List.of(); // no Podman here
        }
        List<String> ids = new ArrayList<>();
        for (PodmanContainer c : read(list, ContainerCgroups::podmanContainers)) {
            if (c.names().contains(name)) {
                if (!ID.matcher(c.id()).matches()) {
                    throw new IllegalArgumentException(list + ": container " + name + " has id '" + c.id()
                            + "', not 64 hexadecimal digits");
                }
                ids.add(c.id());
            }
        }
        return ids;
    }

    /** One entry of Podman's {@code containers.json}. */
    record PodmanContainer(String id, List<String> names) {
    }

    static List<PodmanContainer> podmanContainers(JsonInput in) {
        List<PodmanContainer> all = new ArrayList<>();
        in.array("containers.json", () -> {
            String[] id = {null};
            List<String> names = new ArrayList<>();
            in.object("container", key -> {
                switch (key) {
                    case "id" -> id[0] = in.string("id");
                    case "names" -> in.array("names", () -> names.add(in.string("names")));
                    default -> in.skip();
                }
            });
            if (id[0] == null) {
                throw in.error("a container without an 'id'");
            }
            all.add(new PodmanContainer(id[0], List.copyOf(names)));
        });
        return all;
    }

    /** A rootless Podman container's scope, somewhere in a user's slice. */
    private Optional<Path> rootlessScope(String id) {
        Path users = cgroup.resolve("user.slice");
        if (!Files.isDirectory(users)) {
            return Optional.empty();
        }
        String scope = "libpod-" + id + ".scope";
        try (Stream<Path> walk = Files.walk(users, USER_SLICE_DEPTH)) {
            return walk.filter(p -> p.getFileName().toString().equals(scope) && Files.isDirectory(p)).findFirst();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot search " + users + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static <T> T read(Path file, Function<JsonInput, T> reader) {
        try {
            if (Files.size(file) > MAX_STATE_BYTES) {
                throw new IllegalArgumentException(file + " is larger than " + MAX_STATE_BYTES + " bytes");
            }
            return JsonInput.read(Files.readAllBytes(file), reader);
        } catch (JsonInputException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String shortId(String id) {
        return id.substring(0, 12);
    }
}
