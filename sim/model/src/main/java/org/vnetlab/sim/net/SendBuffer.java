package org.vnetlab.sim.net;

import org.vnetlab.sim.cpu.Irq;
import org.vnetlab.sim.cpu.Task;

/**
 * A UDP socket's send buffer (Linux 2.6.16's {@code sk_sndbuf}): each datagram's skb is charged
 * its truesize from the send call until the device frees it, the NIC's driver after the frame has
 * left the wire, netfront once netback has answered the request. {@code sock_alloc_send_skb}
 * allocates while the charge is below the buffer, so the socket holds {@code ceil(bytes /
 * truesize)} datagrams; beyond that the send call sleeps, and {@code sock_def_write_space} wakes
 * it only once the charge is at most half the buffer ("until he can make significant progress").
 */
public final class SendBuffer {

    private final int limit;
    private final int wakeAt;
    private int held;
    private Task blocked;

    /**
     * @param bytes    the buffer ({@code SO_SNDBUF}, wmem_default when the application sets none)
     * @param truesize what one datagram's skb is charged
     */
    public SendBuffer(long bytes, int truesize) {
        if (bytes < 1 || truesize < 1) {
            throw new IllegalArgumentException("send buffer " + bytes + " B, truesize " + truesize + " B");
        }
        this.limit = (int) Math.min(Integer.MAX_VALUE, (bytes + truesize - 1) / truesize);
        this.wakeAt = (int) Math.min(Integer.MAX_VALUE, bytes / 2 / truesize);
    }

    /** Datagrams the socket can still send before its call blocks. */
    public int room() {
        return limit - held;
    }

    /** Datagrams sent and not yet freed by the device. */
    public int held() {
        return held;
    }

    /** Whether {@code sender} can send now; if not, it sleeps until enough is freed. */
    public boolean roomFor(Task sender) {
        if (held < limit) {
            return true;
        }
        blocked = sender;
        return false;
    }

    /** The socket sent {@code n} datagrams. */
    public void hold(int n) {
        held += n;
    }

    /** The device freed {@code n} of the datagrams on {@code line}'s CPU, which wakes a blocked sender. */
    void free(int n, Irq line) {
        held -= n;
        if (held < 0) {
            throw new IllegalStateException("freed " + n + " datagrams more than the socket holds");
        }
        if (blocked != null && held <= wakeAt) {
            Task t = blocked;
            blocked = null;
            line.raise(t);
        }
    }
}
