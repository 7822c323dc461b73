package org.vnetlab.console.commands;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.vnetlab.sim.cluster.HostPort;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A cluster node's {@code HOST:PORT} as {@code --cluster}, {@code worker --join} and
 * {@code worker --bind} take it, checked as the command line is read: Pekko would take an unknown
 * host or another machine's address only to fail with a page of stack trace, and port 0 to wait
 * for nodes that cannot know it. (A port in use is found when the node starts: {@code
 * ClusterNode.ListenFailed}.)
 */
enum NodeAddress {

    /** {@code --cluster}: the coordinator binds it and the workers join it. */
    SEED(true, false, "give an address of this host that the workers can reach, and a port, e.g. 127.0.0.1:2552"),
    /** {@code worker --join}: the coordinator's {@code --cluster}, on this host or another. */
    JOIN(false, false, "give the coordinator's --cluster address, e.g. 127.0.0.1:2552"),
    /** {@code worker --bind}: the worker binds it and the coordinator reaches it there. */
    WORKER(true, true, "give an address of this host that the coordinator can reach; port 0 picks a free one,"
            + " e.g. 127.0.0.1:0");

    private final boolean local;
    private final boolean anyPort;
    private final String valid;

    NodeAddress(boolean local, boolean anyPort, String valid) {
        this.local = local;
        this.anyPort = anyPort;
        this.valid = valid;
    }

    /**
     * {@code value} as this flag takes it.
     *
     * @throws TypeConversionException saying why not, in words for after "--flag VALUE: "
     */
    HostPort parse(String value) {
        HostPort node;
        try {
            node = HostPort.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected HOST:PORT with a port " + (anyPort ? 0 : 1)
                    + "..65535 ([ADDR]:PORT for IPv6); " + valid);
        }
        if (node.port() == 0 && !anyPort) {
            throw new TypeConversionException("port 0 cannot be joined (it means any free port, which no"
                    + " one else can know); " + valid);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(node.host());
        } catch (UnknownHostException e) {
            throw new TypeConversionException("unknown host; " + valid);
        }
        if (local && address.isAnyLocalAddress()) {
            throw new TypeConversionException("a wildcard address names no one host to reach (it means every"
                    + " local address); " + valid);
        }
        if (local && !BindAddress.isOfThisHost(address)) {
            throw new TypeConversionException(BindAddress.notOfThisHost() + "; " + valid);
        }
        return node;
    }

    /** {@code --cluster}. */
    static final class Seed implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String value) {
            return SEED.parse(value);
        }
    }

    /** {@code worker --join}. */
    static final class Join implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String value) {
            return JOIN.parse(value);
        }
    }

    /** {@code worker --bind}. */
    static final class Worker implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String value) {
            return WORKER.parse(value);
        }
    }
}
