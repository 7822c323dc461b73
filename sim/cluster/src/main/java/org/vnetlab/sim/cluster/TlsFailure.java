package org.vnetlab.sim.cluster;

/**
 * A TLS handshake with another node failed, in one line: published on the node's event stream by
 * {@link TlsEngineProvider}, told to the user by the coordinator and the worker.
 */
public record TlsFailure(String message) {
}
