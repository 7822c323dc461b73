package org.vnetlab.live.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers found by name in Docker's, Podman's and LXC's state as each engine lays it out. */
class ContainerCgroupsTest {

    private static final String WEB = "4f1c0a3e".repeat(8);
    private static final String DB = "9b2e7d10".repeat(8);

    /** Docker's {@code containers/ID/config.v2.json}, trimmed to a few of the keys Docker writes. */
    private static void docker(RecordedHost h, String id, String name) throws IOException {
        Path dir = Files.createDirectories(h.docker.resolve("containers").resolve(id));
        Files.writeString(dir.resolve("config.v2.json"), "{\"StreamConfig\":{},\"State\":{\"Running\":true,\"Pid\":4242},"
                + "\"ID\":\"" + id + "\",\"Created\":\"2026-12-04T10:00:00Z\",\"Path\":\"nginx\",\"Args\":[\"-g\","
                + "\"daemon off;\"],\"Config\":{\"Hostname\":\"" + id.substring(0, 12) + "\",\"Env\":[\"PATH=/usr/bin\"]},"
                + "\"Name\":\"/" + name + "\",\"RestartCount\":0,\"Driver\":\"overlay2\"}");
    }

    private static void podman(RecordedHost h, String json) throws IOException {
        Path dir = Files.createDirectories(h.podman.resolve("overlay-containers"));
        Files.writeString(dir.resolve("containers.json"), json);
    }

    private static IllegalArgumentException refused(RecordedHost h, String spec) {
        return assertThrows(IllegalArgumentException.class, () -> CpuWatch.of(List.of(spec), h.host()));
    }

    @Test
    void aDockerContainerIsReadFromItsSystemdScope(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        docker(h, WEB, "web");
        docker(h, DB, "db");
        h.cgroup("system.slice/docker-" + WEB + ".scope", 2_500_000);
        h.cgroup("system.slice/docker-" + DB + ".scope", 7);
        try (CpuWatch w = CpuWatch.of(List.of("container:web"), h.host())) {
            assertEquals("container-web", w.sources().get(0).name());
            assertEquals(2_500_000_000L, w.sources().get(0).cpuNanos());
        }
    }

    @Test
    void dockersCgroupfsDriverPutsItUnderDocker(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        docker(h, DB, "db");
        Path g = h.cgroup("docker/" + DB, 1_000);
        assertEquals(g, new ContainerCgroups(h.cgroup, h.docker, h.podman).cgroup("db"));
    }

    @Test
    void podmanContainersRootfulAndRootless(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        podman(h, "[{\"id\":\"" + WEB + "\",\"names\":[\"web\",\"www\"],\"image\":\"abc\",\"layer\":\"def\","
                + "\"metadata\":\"{\\\"image-name\\\":\\\"nginx\\\"}\",\"created\":\"2026-12-04T10:00:00Z\"},"
                + "{\"id\":\"" + DB + "\",\"names\":[\"db\"],\"flags\":{\"MountLabel\":\"\"}}]");
        Path web = h.cgroup("machine.slice/libpod-" + WEB + ".scope", 500);
        Path db = h.cgroup("user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + DB + ".scope", 300);
        ContainerCgroups c = new ContainerCgroups(h.cgroup, h.docker, h.podman);
        assertEquals(web, c.cgroup("www"));
        assertEquals(db, c.cgroup("db"));
    }

    @Test
    void anLxcContainerIsItsPayloadCgroup(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        h.cgroup("lxc.payload.router-1", 42);
        h.cgroup("lxc.monitor.router-1", 9);
        try (CpuWatch w = CpuWatch.of(List.of("container:router-1"), h.host())) {
            assertEquals(42_000L, w.sources().get(0).cpuNanos());
        }
    }

    @Test
    void aStoppedOrUnknownContainerSaysWhereItLooked(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        docker(h, WEB, "web"); // known to Docker but stopped: no cgroup
        String m = refused(h, "container:web").getMessage();
        assertTrue(m.startsWith("--cpu container:web: no running container named web (looked at "
                + h.docker.resolve("containers/*/config.v2.json") + ", "), m);
        assertTrue(m.endsWith("valid: a running Docker, Podman or LXC container's name, or --cpu cgroup:PATH"), m);
        assertEquals(1, m.lines().count());
    }

    @Test
    void twoContainersOfOneNameAreNamedBoth(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        docker(h, WEB, "web");
        h.cgroup("system.slice/docker-" + WEB + ".scope", 1);
        h.cgroup("lxc.payload.web", 1);
        assertEquals("--cpu container:web: several running containers are named web: [docker 4f1c0a3e4f1c at "
                + Path.of("system.slice/docker-" + WEB + ".scope") + ", lxc at lxc.payload.web]; name one with"
                + " --cpu cgroup:PATH", refused(h, "container:web").getMessage());
    }

    @Test
    void namesWithPathCharactersAreRefused(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        h.cgroup("lxc.payload.x", 1);
        for (String name : List.of("../lxc.payload.x", "a/b", "..", ".hidden", "web\0", "-rf")) {
            String m = refused(h, "container:" + name).getMessage();
            assertTrue(m.endsWith("is not a container name (a letter or digit, then letters, digits, '_', '.' or '-')"),
                    m);
        }
    }

    @Test
    void malformedStateIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        RecordedHost h = new RecordedHost(dir);
        Path config = Files.createDirectories(h.docker.resolve("containers/" + WEB)).resolve("config.v2.json");
        Files.writeString(config, "{\"ID\":\"" + WEB + "\",\n\"Name\":\"/web\",,}");
        String m = refused(h, "container:web").getMessage();
        assertTrue(m.startsWith("--cpu container:web: " + config + ": line 2, column "), m);
        assertEquals(1, m.lines().count());

        Files.writeString(config, "{\"Name\":[\"/web\"]}");
        assertEquals("--cpu container:web: " + config + ": line 1, column 9: 'Name' must be a string",
                refused(h, "container:web").getMessage());
        Files.delete(config);

        podman(h, "[{\"id\":\"../../../etc\",\"names\":[\"web\"]}]");
        m = refused(h, "container:web").getMessage();
        assertTrue(m.endsWith("container web has id '../../../etc', not 64 hexadecimal digits"), m);
        podman(h, "{\"id\":\"" + WEB + "\"}");
        m = refused(h, "container:web").getMessage();
        assertTrue(m.contains("containers.json: line 1, column 1: 'containers.json' must be an array"), m);
    }
}
