package org.vnetlab.live.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.vnetlab.live.control.ControlMessage.Finish;
import org.vnetlab.live.data.Rejections;
import org.vnetlab.live.data.Tally;
import org.vnetlab.live.data.UdpReceiver;

/** rx over UDP: the client sends, the server's receiver counts; ends a moment after the client's Finish. */
final class UdpReceiveTest extends UdpTest<UdpReceiver> {

    /** How long after Finish datagrams still in flight are waited for. */
    static final long DRAIN_MILLIS = 200;

    UdpReceiveTest(String name, InetSocketAddress local, InetAddress client, long token, int payload,
                   Rejections rejections) throws IOException {
        super(name + "-udp-rx", local.getAddress(),
                channel -> new UdpReceiver(channel, token, payload, client, rejections));
    }

    @Override
    void serve() {
        worker.run();
    }

    @Override
    public void finish(Finish finish) {
        // closing the channel ends the receiver's loop, and with it the test
        Executor later = CompletableFuture.delayedExecutor(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        CompletableFuture.runAsync(() -> {
            try {
                close();
            } catch (IOException e) {
                done().completeExceptionally(e);
            }
        }, later);
    }

    @Override
    public Tally tally() {
        return worker.tally();
    }

    @Override
    public long reordered() {
        return worker.reordered();
    }
}
