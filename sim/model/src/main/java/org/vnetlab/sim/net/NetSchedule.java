package org.vnetlab.sim.net;

import java.util.Arrays;

/**
 * netback's {@code net_schedule_list}: the vifs whose transmit requests net_tx_action serves, in
 * the order it serves them. A guest's event puts its vif at the tail unless it is on the list
 * ({@code netif_be_int}: {@code add_to_net_schedule_list_tail}); net_tx_action takes the head,
 * takes one request, and puts it back at the tail while its ring holds more
 * ({@code netif_schedule_work}), so the vifs on the list take turns, one request each. A vif found
 * without requests at its turn leaves the list until its guest's next event.
 */
final class NetSchedule {

    /** Vif indices in list order: a ring of {@code size} from {@code head}. */
    private int[] order = new int[8];
    private int head;
    private int size;
    private boolean[] listed = new boolean[8];
    /** One run's turns, by vif index (reused). */
    private int[] turns = new int[8];
    /** The vifs one run served, in the order of their first turn (reused), and how many. */
    private int[] served = new int[8];
    private int servedSize;

    /** {@code add_to_net_schedule_list_tail}: vif {@code vif} joins the tail unless it is listed. */
    void add(int vif) {
        ensure(vif + 1);
        if (listed[vif]) {
            return;
        }
        if (size == order.length) {
            int[] grown = new int[order.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = order[(head + i) % order.length];
            }
            order = grown;
            head = 0;
        }
        order[(head + size) % order.length] = vif;
        size++;
        listed[vif] = true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Whether vif {@code vif} is on the list. */
    boolean listed(int vif) {
        return vif < listed.length && listed[vif];
    }

    /**
     * Takes turns, one request a turn, until {@code limit} requests are taken or no listed vif has
     * any; {@code requests[v]} is what vif v's ring holds. Afterwards {@link #turns(int)} says how
     * many each vif took, {@link #servedCount()} and {@link #served(int)} which vifs took any, in
     * the order of their first turn, and the list is as net_tx_action leaves it.
     */
    void takeTurns(int[] requests, int limit) {
        ensure(requests.length);
        Arrays.fill(turns, 0, requests.length, 0);
        // the run serves the listed vifs in list order: none joins while it runs
        int listedAtStart = size;
        for (int i = 0; i < size; i++) {
            served[i] = order[(head + i) % order.length];
        }
        int left = limit;
        while (left > 0 && size > 0) {
            // a round: every listed vif takes a turn; those found empty leave
            dropEmpty(requests);
            if (size == 0) {
                break;
            }
            int least = Integer.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                int v = order[(head + i) % order.length];
                least = Math.min(least, requests[v] - turns[v]);
            }
            if ((long) least * size <= left) {
                // `least` whole rounds: the list keeps its order, and the shortest rings run out
                for (int i = 0; i < size; i++) {
                    turns[order[(head + i) % order.length]] += least;
                }
                left -= least * size;
                continue;
            }
            int each = left / size;
            int extra = left % size;
            for (int i = 0; i < size; i++) {
                turns[order[(head + i) % order.length]] += each + (i < extra ? 1 : 0);
            }
            // the first `extra` took one more turn and went to the tail
            for (int i = 0; i < extra; i++) {
                order[(head + size) % order.length] = order[head];
                head = (head + 1) % order.length;
            }
            left = 0;
        }
        dropEmpty(requests);
        servedSize = 0;
        for (int i = 0; i < listedAtStart; i++) {
            if (turns[served[i]] > 0) {
                served[servedSize++] = served[i];
            }
        }
    }

    /** Takes off the list every vif whose ring has nothing left after this run's turns. */
    private void dropEmpty(int[] requests) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int v = order[(head + i) % order.length];
            if (requests[v] - turns[v] > 0) {
                order[(head + kept) % order.length] = v;
                kept++;
            } else {
                listed[v] = false;
            }
        }
        size = kept;
    }

    /** Requests vif {@code vif} took in the last run. */
    int turns(int vif) {
        return turns[vif];
    }

    /** How many vifs the last run served. */
    int servedCount() {
        return servedSize;
    }

    /** The i-th vif the last run served, by its first turn. */
    int served(int i) {
        return served[i];
    }

    private void ensure(int vifs) {
        if (vifs > listed.length) {
            int n = Math.max(vifs, listed.length * 2);
            listed = Arrays.copyOf(listed, n);
            turns = Arrays.copyOf(turns, n);
            served = Arrays.copyOf(served, n);
        }
    }
}
