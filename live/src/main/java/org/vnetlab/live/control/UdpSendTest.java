package org.vnetlab.live.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.vnetlab.core.units.DataRate;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.data.DataHeader;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.data.Rejections.Kind;
import org.vnetlab.live.data.Tally;
import org.vnetlab.live.data.UdpPacedSender;

/**
 * tx over UDP: the server sends paced datagrams to the client. It sends only to the address a hello
 * datagram with the test's token came from, and only if that is the control connection's peer, so a
 * test cannot aim the server's traffic at a third party.
 */
final class UdpSendTest extends UdpTest<UdpPacedSender> {

    private final InetAddress client;
    private final long token;
    private final long durationNanos;
    private final Rejections rejections;

    UdpSendTest(String name, InetSocketAddress local, InetAddress client, long token, int payload, DataRate rate,
                long durationNanos, Rejections rejections) throws IOException {
        super(name + "-udp-tx", local.getAddress(), channel -> new UdpPacedSender(channel, token, payload, rate));
        this.client = client;
        this.token = token;
        this.durationNanos = durationNanos;
        this.rejections = rejections;
    }

    @Override
    void serve() throws IOException {
        channel.connect(awaitHello());
        worker.run(durationNanos);
    }

    private SocketAddress awaitHello() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(DataHeader.BYTES + 1);
        while (true) {
            b.clear();
            SocketAddress from = channel.receive(b);
            if (b.position() != DataHeader.BYTES) {
                rejections.count(b.position() > DataHeader.BYTES ? Kind.OVERSIZED_DATAGRAM : Kind.TRUNCATED_DATAGRAM,
                        from);
            } else if (b.getLong(DataHeader.TOKEN_OFFSET) != token) {
                rejections.count(Kind.WRONG_TOKEN, from);
            } else if (!client.equals(((InetSocketAddress) from).getAddress())) {
                rejections.count(Kind.WRONG_SOURCE, from);
            } else {
                return from;
            }
        }
    }

    @Override
    public void finish(Finish finish) {
        // the client receives; its Finish changes nothing on the sending side
    }

    @Override
    public Tally tally() {
        return worker.tally();
    }

    @Override
    public void close() throws IOException {
        worker.stop();
        super.close();
    }
}
