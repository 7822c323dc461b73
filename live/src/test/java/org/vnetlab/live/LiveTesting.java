package org.vnetlab.live;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vnetlab.live.LiveSettings.ServerSettings;
import org.vnetlab.live.control.MeasureServer;
import org.vnetlab.live.control.ServerEvents.TestRecord;

/** Servers on ephemeral loopback ports for tests, with a record of what they reported. */
public final class LiveTesting {

    private LiveTesting() {
    }

    /** The default limits, bound to {@code address} on ephemeral ports. */
    public static ServerSettings settings(String address) {
        return settings(address, "");
    }

    /** The defaults with {@code overrides} (HOCON under vnetlab.live.server), on ephemeral ports. */
    public static ServerSettings settings(String address, String overrides) {
        Config c = ConfigFactory.parseString(overrides).atPath("vnetlab.live.server").withFallback(ConfigFactory.load());
        return LiveSettings.from(c).server().withBind(address).withPorts(0, 0);
    }

    /** A started server and the test records it reported. */
    public record Running(MeasureServer server, List<TestRecord> records) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            server.close();
        }

        public int port() {
            return server.controlAddress().getPort();
        }
    }

    public static Running start(MeasureServer.Role role, ServerSettings settings) throws IOException {
        List<TestRecord> records = new CopyOnWriteArrayList<>();
        return new Running(MeasureServer.start(role, settings, List.of(), records::add), records);
    }
}
