package org.vnetlab.sim.cluster;

/**
 * Marks the messages that travel between cluster nodes. {@code reference.conf} binds it to
 * Pekko's Jackson CBOR serializer; Java serialization is off.
 */
public interface ClusterMessage {
}
