package org.vnetlab.sim.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
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

    public static <T> ActorSystem<T> start(Behavior<T> guardian, ClusterSettings s, HostPort bind, HostPort seed,
                                           String role) {
        return ActorSystem.create(guardian, SYSTEM, config(s, bind, seed, role));
    }

    private static void checkKeyStore(ClusterSettings s) {
        if (!Files.isReadable(s.keyStore())) {
            throw new IllegalArgumentException("TLS key store " + s.keyStore() + " cannot be read");
        }
        try {
            KeyStore store = KeyStore.getInstance(s.keyStore().toFile(), s.keyStorePassword().toCharArray());
            if (store.size() == 0) {
                throw new IllegalArgumentException("TLS key store " + s.keyStore() + " is empty");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS key store " + s.keyStore() + " cannot be opened (wrong password"
                    + " in " + ClusterSettings.PASSWORD_VARIABLE + ", or not a key store): " + e.getMessage());
        }
    }
}
