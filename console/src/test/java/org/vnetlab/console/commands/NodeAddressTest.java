package org.vnetlab.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.vnetlab.sim.cluster.HostPort;
import picocli.CommandLine.TypeConversionException;

/**
 * --cluster, worker --join and worker --bind are checked before Pekko starts: an unknown host,
 * another machine's address, a wildcard and port 0 are refused in words naming what is valid.
 */
class NodeAddressTest {

    private static final String SEED = "; give an address of this host that the workers can reach, and a port,"
            + " e.g. 127.0.0.1:2552";
    private static final String JOIN = "; give the coordinator's --cluster address, e.g. 127.0.0.1:2552";
    /** TEST-NET-3 (RFC 5737): on no machine's interface. */
    private static final String ELSEWHERE = "203.0.113.1";

    private static String refusal(NodeAddress flag, String value) {
        return assertThrows(TypeConversionException.class, () -> flag.parse(value)).getMessage();
    }

    @Test
    void thisHostsAddressesAndAnyHostToJoinAreTaken() {
        assertEquals(new HostPort("127.0.0.1", 2552), NodeAddress.SEED.parse("127.0.0.1:2552"));
        assertEquals(new HostPort("::1", 2552), NodeAddress.SEED.parse("[::1]:2552"));
        assertEquals(new HostPort("localhost", 2552), NodeAddress.SEED.parse("localhost:2552"));
        assertEquals(new HostPort("127.0.0.1", 0), NodeAddress.WORKER.parse("127.0.0.1:0"));
        assertEquals(new HostPort(ELSEWHERE, 2552), NodeAddress.JOIN.parse(ELSEWHERE + ":2552"));
    }

    @Test
    void anUnknownHostIsRefusedForEveryFlag() {
        assertEquals("unknown host" + SEED, refusal(NodeAddress.SEED, "nosuch.invalid:2552"));
        assertEquals("unknown host" + JOIN, refusal(NodeAddress.JOIN, "nosuch.invalid:2552"));
        assertEquals("unknown host; give an address of this host that the coordinator can reach; port 0 picks a"
                + " free one, e.g. 127.0.0.1:0", refusal(NodeAddress.WORKER, "nosuch.invalid:0"));
    }

    @Test
    void portZeroCannotBeJoined() {
        String zero = "port 0 cannot be joined (it means any free port, which no one else can know)";
        assertEquals(zero + SEED, refusal(NodeAddress.SEED, "127.0.0.1:0"));
        assertEquals(zero + JOIN, refusal(NodeAddress.JOIN, "127.0.0.1:0"));
    }

    @Test
    void anotherMachinesAddressOrAWildcardCannotBeBound() throws Exception {
        assumeFalse(BindAddress.isOfThisHost(InetAddress.getByName(ELSEWHERE)), ELSEWHERE + " is this host's");
        assertEquals(BindAddress.notOfThisHost() + SEED, refusal(NodeAddress.SEED, ELSEWHERE + ":2552"));
        assertEquals(BindAddress.notOfThisHost() + "; give an address of this host that the coordinator can reach;"
                + " port 0 picks a free one, e.g. 127.0.0.1:0", refusal(NodeAddress.WORKER, ELSEWHERE + ":0"));
        assertEquals("a wildcard address names no one host to reach (it means every local address)" + SEED,
                refusal(NodeAddress.SEED, "0.0.0.0:2552"));
        assertEquals("a wildcard address names no one host to reach (it means every local address)" + SEED,
                refusal(NodeAddress.SEED, "[::]:2552"));
    }

    @Test
    void aValueThatIsNotHostColonPortSaysWhatIs() {
        assertEquals("expected HOST:PORT with a port 1..65535 ([ADDR]:PORT for IPv6)" + SEED,
                refusal(NodeAddress.SEED, "127.0.0.1:70000"));
        assertEquals("expected HOST:PORT with a port 1..65535 ([ADDR]:PORT for IPv6)" + JOIN,
                refusal(NodeAddress.JOIN, "nowhere"));
    }
}
