package org.vnetlab.sim.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code vnetlab.cluster} settings of reference.conf, with the command line's flags applied.
 *
 * @param overdueFactor a run out longer than this many times the batch's longest run is issued again
 * @param overdueMin    ... but never before it has been out this long
 * @param keyStore      null when TLS is off
 */
public record ClusterSettings(Duration joinTimeout, int prefetchPerSlot, double overdueFactor, Duration overdueMin,
                              Path keyStore, String keyStorePassword, Config node) {

    /** The environment variable that holds the key store's password when the setting is empty. */
    public static final String PASSWORD_VARIABLE = "VNETLAB_TLS_PASSWORD";

    public ClusterSettings {
        if (joinTimeout.isNegative() || joinTimeout.isZero()) {
            throw new IllegalArgumentException("vnetlab.cluster.join-timeout must be more than 0");
        }
        if (prefetchPerSlot < 0) {
            throw new IllegalArgumentException("vnetlab.cluster.prefetch-per-slot must be 0 or more");
        }
        if (!(overdueFactor >= 1)) {
            throw new IllegalArgumentException("vnetlab.cluster.overdue-run.factor must be 1 or more");
        }
        if (overdueMin.isNegative() || overdueMin.isZero()) {
            throw new IllegalArgumentException("vnetlab.cluster.overdue-run.min must be more than 0");
        }
    }

    /** Reads {@code vnetlab.cluster} from the application's configuration (reference.conf, -D). */
    public static ClusterSettings load() {
        return from(ConfigFactory.load(ClusterSettings.class.getClassLoader()));
    }

    public static ClusterSettings from(Config root) {
        Config c = root.getConfig("vnetlab.cluster");
        Path keyStore = c.getBoolean("tls.enabled") ? Path.of(c.getString("tls.key-store")) : null;
        String password = c.getString("tls.key-store-password");
        if (password.isEmpty()) {
            password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
        }
        return new ClusterSettings(c.getDuration("join-timeout"), c.getInt("prefetch-per-slot"),
                c.getDouble("overdue-run.factor"), c.getDuration("overdue-run.min"), keyStore, password,
                c.getConfig("node").withFallback(root));
    }

    public ClusterSettings withJoinTimeout(Duration d) {
        return new ClusterSettings(d, prefetchPerSlot, overdueFactor, overdueMin, keyStore, keyStorePassword, node);
    }

    /** Overdue runs issued again after {@code factor} times the longest run, and {@code min} at least. */
    public ClusterSettings withOverdue(double factor, Duration min) {
        return new ClusterSettings(joinTimeout, prefetchPerSlot, factor, min, keyStore, keyStorePassword, node);
    }

    /** TLS on with this key store (also the trust store) and password. */
    public ClusterSettings withTls(Path store, String password) {
        return new ClusterSettings(joinTimeout, prefetchPerSlot, overdueFactor, overdueMin, store, password, node);
    }

    public boolean tls() {
        return keyStore != null;
    }

    /** The longest message a node sends or accepts (Artery's frame size), in bytes. */
    public long maximumMessageBytes() {
        return node.getBytes("pekko.remote.artery.advanced.maximum-frame-size");
    }
}
