package org.vnetlab.sim.net;

/**
 * Whose frames wait in a queue that several guests share, in their order: runs of consecutive
 * frames of one vif. Netback's rx_queue is one (frames for every guest, in the order
 * netif_be_start_xmit admitted them, which net_rx_action keeps), Dom0's backlog of guests' sent
 * frames another. Storage is a ring of primitive arrays that grows, rarely, to the most runs ever
 * queued.
 */
final class VifOrder {

    private int[] vifs = new int[16];
    private int[] counts = new int[16];
    private int head;
    private int runs;
    private long size;

    /** {@code n} frames for vif {@code vif} joined the queue. */
    void add(int vif, int n) {
        if (runs > 0) {
            int tail = (head + runs - 1) & (vifs.length - 1);
            if (vifs[tail] == vif) {
                counts[tail] += n;
                size += n;
                return;
            }
        }
        if (runs == vifs.length) {
            grow();
        }
        int i = (head + runs) & (vifs.length - 1);
        vifs[i] = vif;
        counts[i] = n;
        runs++;
        size += n;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long size() {
        return size;
    }

    /** The vif of the oldest frame. */
    int headVif() {
        return vifs[head];
    }

    /** Frames of the head run: consecutive frames of one vif. */
    int headCount() {
        return counts[head];
    }

    /** Removes the first {@code n} frames of the head run. */
    void removeHead(int n) {
        if (runs == 0 || n > counts[head] || n < 0) {
            throw new IllegalStateException("vif order: remove " + n + " from a head run of "
                    + (runs == 0 ? 0 : counts[head]));
        }
        counts[head] -= n;
        size -= n;
        if (counts[head] == 0) {
            head = (head + 1) & (vifs.length - 1);
            runs--;
        }
    }

    private void grow() {
        int n = vifs.length * 2;
        int[] v = new int[n];
        int[] c = new int[n];
        for (int k = 0; k < runs; k++) {
            v[k] = vifs[(head + k) & (vifs.length - 1)];
            c[k] = counts[(head + k) & (vifs.length - 1)];
        }
        vifs = v;
        counts = c;
        head = 0;
    }
}
