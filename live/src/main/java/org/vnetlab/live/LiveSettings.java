package org.vnetlab.live;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.vnetlab.config.ConfigError;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.probe.ProbePacket;

/**
 * The live module's settings, read once from {@code vnetlab.live} (defaults and their meaning in
 * this module's {@code reference.conf}).
 */
public record LiveSettings(ServerSettings server, ClientSettings client) {

    public static final String PATH = "vnetlab.live";

    /** The limits and addresses of the measurement server and the reflector. */
    public record ServerSettings(String bind, int port, int reflectPort, Duration maxDuration, DataRate maxRate,
                                 DataRate minRate, int maxConcurrentTests, int maxTestsPerAddress, int maxConnections,
                                 int maxConnectionsPerAddress, int maxPayload, int maxProbes, int maxFrame,
                                 Duration controlIdleTimeout, Duration handshakeTimeout, Duration tokenTimeout,
                                 Duration grace) {

        public ServerSettings withBind(String address) {
            return new ServerSettings(address, port, reflectPort, maxDuration, maxRate, minRate, maxConcurrentTests,
                    maxTestsPerAddress, maxConnections, maxConnectionsPerAddress, maxPayload, maxProbes, maxFrame,
                    controlIdleTimeout, handshakeTimeout, tokenTimeout, grace);
        }

        public ServerSettings withPorts(int control, int reflect) {
            return new ServerSettings(bind, control, reflect, maxDuration, maxRate, minRate, maxConcurrentTests,
                    maxTestsPerAddress, maxConnections, maxConnectionsPerAddress, maxPayload, maxProbes, maxFrame,
                    controlIdleTimeout, handshakeTimeout, tokenTimeout, grace);
        }
    }

    /** What a client asks for when its user does not say. */
    public record ClientSettings(DataRate rate, Duration duration, int trials, DataRate rttRate, int rttPayload,
                                 int rttCount, Duration rttWait, int rttWarmup) {
    }

    /** The defaults, with {@code -Dvnetlab.live...} system properties on top. */
    public static LiveSettings load() {
        return from(ConfigFactory.load());
    }

    public static LiveSettings from(Config root) {
        try {
            Config s = root.getConfig(PATH + ".server");
            Config c = root.getConfig(PATH + ".client");
            int tests = range(s, "max-concurrent-tests", 1, 1000);
            int connections = range(s, "max-connections", 1, 1_000_000);
            ServerSettings server = new ServerSettings(s.getString("bind"), port(s, "port"), port(s, "reflect-port"),
                    positive(s, "max-duration"), rate(s, "max-rate"), rate(s, "min-rate"), tests,
                    range(s, "max-tests-per-address", 1, tests), connections,
                    range(s, "max-connections-per-address", 1, connections),
                    range(s, "max-payload", ProbePacket.BYTES, 65507), range(s, "max-probes", 1, 10_000_000),
                    range(s, "max-frame", 256, 1 << 20), positive(s, "control-idle-timeout"),
                    positive(s, "handshake-timeout"), positive(s, "token-timeout"), positive(s, "grace"));
            if (server.minRate().compareTo(server.maxRate()) > 0) {
                throw ConfigError.at(s.getValue("min-rate").origin(), "min-rate",
                        server.minRate() + " is above max-rate " + server.maxRate());
            }
            ClientSettings client = new ClientSettings(rate(c, "rate"), positive(c, "duration"),
                    range(c, "trials", 1, 1000), rate(c, "rtt-rate"), range(c, "rtt-payload", ProbePacket.BYTES, 65507),
                    range(c, "rtt-count", 1, 10_000_000), positive(c, "rtt-wait"),
                    range(c, "rtt-warmup", 0, 1_000_000));
            return new LiveSettings(server, client);
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage());
        }
    }

    private static int port(Config c, String key) {
        return range(c, key, 1, 65535);
    }

    private static int range(Config c, String key, int min, int max) {
        int v = c.getInt(key);
        if (v < min || v > max) {
            throw ConfigError.at(c.getValue(key).origin(), key, v + " is out of range " + min + "-" + max);
        }
        return v;
    }

    private static Duration positive(Config c, String key) {
        Duration d = c.getDuration(key);
        if (d.isNegative() || d.isZero()) {
            throw ConfigError.at(c.getValue(key).origin(), key, d + " is not a positive duration");
        }
        return d;
    }

    private static DataRate rate(Config c, String key) {
        try {
            return DataRate.parse(c.getString(key));
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(c.getValue(key).origin(), key, e.getMessage());
        }
    }
}
