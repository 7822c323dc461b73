package org.vnetlab.sim.cluster;

import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.remote.artery.tcp.ConfigSSLEngineProvider;

/**
 * Pekko's key-store TLS for Artery, with handshake failures told to the node as a
 * {@link TlsFailure} on its event stream: a node refused for its certificate, or refusing
 * another's, says so instead of only failing to join.
 */
public final class TlsEngineProvider extends ConfigSSLEngineProvider {

    private final Consumer<String> report;

    public TlsEngineProvider(ActorSystem system) {
        super(system);
        this.report = m -> system.eventStream().publish(new TlsFailure(m));
    }

    @Override
    public SSLEngine createServerSSLEngine(String hostname, int port) {
        return new ReportingSslEngine(super.createServerSSLEngine(hostname, port), e -> report.accept(
                "TLS handshake with a connecting node failed: " + e
                        + " (it has no certificate this node's key store trusts, or does not trust this node's)"));
    }

    @Override
    public SSLEngine createClientSSLEngine(String hostname, int port) {
        return new ReportingSslEngine(super.createClientSSLEngine(hostname, port), e -> report.accept(
                "TLS handshake with " + hostname + ":" + port + " failed: " + e
                        + " (its certificate is not trusted by this node's key store, or this node's not by its)"));
    }
}
