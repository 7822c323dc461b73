package org.vnetlab.sim.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;

/** Starts the ActorSystem of a cluster node: bound to one address, joining one seed, with or without TLS. */
public final class ClusterNode {

    /** Every node's ActorSystem has this name; nodes of other names cannot join. */
    public static final String SYSTEM = "vnetlab";
    public static final String COORDINATOR_ROLE = "coordinator";
    public static final String WORKER_ROLE = "worker";

    private ClusterNode() {
    }

    /** The Pekko address of a node, as seed nodes are written. */
    public static String address(HostPort node) {
        return "pekko://" + SYSTEM + "@" + node;
    }

    /**
     * The node's configuration: the settings' {@code node} section, its address, seed and role.
     *
     * @throws IllegalArgumentException for a key store that cannot be opened with its password
     */
    static Config config(ClusterSettings s, HostPort bind, HostPort seed, String role) {
        Map<String, Object> set = new java.util.LinkedHashMap<>();
        set.put("pekko.remote.artery.canonical.hostname", bind.host());
        set.put("pekko.remote.artery.canonical.port", bind.port());
        set.put("pekko.cluster.seed-nodes", List.of(address(seed)));
        set.put("pekko.cluster.roles", List.of(role));
        if (s.tls()) {
            checkKeyStore(s);
            String store = s.keyStore().toAbsolutePath().toString();
            set.put("pekko.remote.artery.transport", "tls-tcp");
            set.put("pekko.remote.artery.ssl.ssl-engine-provider", TlsEngineProvider.class.getName());
            set.put("pekko.remote.artery.ssl.config-ssl-engine.key-store", store);
            set.put("pekko.remote.artery.ssl.config-ssl-engine.trust-store", store);
            set.put("pekko.remote.artery.ssl.config-ssl-engine.key-store-password", s.keyStorePassword());
            set.put("pekko.remote.artery.ssl.config-ssl-engine.key-password", s.keyStorePassword());
            set.put("pekko.remote.artery.ssl.config-ssl-engine.trust-store-password", s.keyStorePassword());
        }
        return ConfigFactory.parseMap(set, "vnetlab cluster flags").withFallback(s.node()).resolve();
    }

    /**
     * A node that cannot bind its address: a port another program holds, or one below 1024
     * without the right. The address is its own flag's business; {@link #reason()} says why.
     */
    public static final class ListenFailed extends RuntimeException {
        private final String reason;

        ListenFailed(HostPort bind, String reason) {
            super("cannot listen on " + bind + ": " + reason, null, false, false);
            this.reason = reason;
        }

        /** E.g. "cannot listen: address already in use". */
        public String reason() {
            return "cannot listen: " + reason;
        }
    }

    /**
     * @throws ListenFailed when the node cannot bind {@code bind} (Pekko's own failure, one line)
     */
    public static <T> ActorSystem<T> start(Behavior<T> guardian, ClusterSettings s, HostPort bind, HostPort seed,
                                           String role) {
        Config config = config(s, bind, seed, role);
        try {
            return ActorSystem.create(guardian, SYSTEM, config);
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof SocketException failed) {
                    throw new ListenFailed(bind, words(failed));
                }
            }
            throw e;
        }
    }

    /**
     * Binds {@code bind} and lets it go at once, so a node about to start there learns of a port
     * in use before Pekko does (which logs it and fails with a page of stack trace).
     *
     * @throws ListenFailed when it cannot be bound
     */
    public static void checkCanListen(HostPort bind) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(bind.host(), bind.port()));
        } catch (IOException e) {
            throw new ListenFailed(bind, words(e));
        }
    }

    /** "Address already in use" of "[/127.0.0.1:2552] Address already in use", in lower case. */
    private static String words(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().replaceFirst("^\\[[^]]*] ", "");
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static void checkKeyStore(ClusterSettings s) {
        keyStoreProblem(s.keyStore(), s.keyStorePassword()).ifPresent(problem -> {
            throw new IllegalArgumentException("TLS key store " + s.keyStore() + ": " + problem);
        });
    }

    /**
     * What keeps {@code store} from serving as a node's TLS key store when opened with
     * {@code password}, in words ("no such file", "wrong password ..."), or empty when it opens and
     * holds a key. Checked before a node starts, so that the command line can name its flag.
     */
    public static Optional<String> keyStoreProblem(Path store, String password) {
        if (Files.isDirectory(store)) {
            return Optional.of("is a directory, not a key store file");
        }
        if (!Files.exists(store)) {
            return Optional.of("no such file");
        }
        if (!Files.isReadable(store)) {
            return Optional.of("cannot be read (permission denied)");
        }
        try {
            KeyStore opened = KeyStore.getInstance(store.toFile(), password.toCharArray());
            return opened.size() == 0 ? Optional.of("is empty: it holds no key") : Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getCause() instanceof UnrecoverableKeyException
                    ? "wrong password (give it in $" + ClusterSettings.PASSWORD_VARIABLE + ")"
                    : "cannot be read as a PKCS12 key store");
        } catch (GeneralSecurityException e) {
            return Optional.of("not a PKCS12 key store");
        }
    }
}
