package org.vnetlab.live.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;

/** Bulk TCP transfer as iperf does it: one side writes 128 KiB blocks for a duration, the other reads to the end. */
public final class TcpBulk {

    /** Bytes per write and per read (iperf3's default block for TCP). */
    public static final int BLOCK = 128 * 1024;

    private final Tally tally = new Tally();
    private volatile boolean stopped;

    /** Writes until {@code durationNanos} passed or {@link #stop()}, then closes its output; returns bytes written. */
    public long send(SocketChannel channel, long durationNanos) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        long end = System.nanoTime() + durationNanos;
        try {
            long now;
            while (!stopped && (now = System.nanoTime()) < end) {
                block.clear();
                int n = channel.write(block);
                tally.add(n, now, false);
            }
            channel.shutdownOutput();
        } catch (ClosedChannelException e) {
            // stopped from outside
        }
        return tally.bytes();
    }

    /** Reads until the peer closes (or the channel is closed); returns bytes read. */
    public long receive(SocketChannel channel) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        try {
            while (!stopped) {
                block.clear();
                int n = channel.read(block);
                if (n < 0) {
                    break;
                }
                tally.add(n, System.nanoTime(), false);
            }
        } catch (ClosedChannelException e) {
            // stopped from outside
        }
        return tally.bytes();
    }

    public void stop() {
        stopped = true;
    }

    public Tally tally() {
        return tally;
    }
}
