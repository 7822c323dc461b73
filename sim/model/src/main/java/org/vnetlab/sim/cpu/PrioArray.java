package org.vnetlab.sim.cpu;

/**
 * One of a runqueue's two priority arrays ({@code struct prio_array}): a FIFO list per priority
 * of the time-sharing range (100 to 139) and a bitmap of the non-empty ones, so the best queued
 * thread is found in O(1). The lists are linked through the threads: nothing is allocated.
 */
final class PrioArray {

    private static final int LEVELS = LinuxScheduler.MAX_PRIO - LinuxScheduler.MAX_RT_PRIO;
    private final LinuxThread[] head = new LinuxThread[LEVELS];
    private final LinuxThread[] tail = new LinuxThread[LEVELS];
    private long bitmap;
    private int size;

    int size() {
        return size;
    }

    /** {@code enqueue_task}: at the tail of its priority's list. */
    void enqueue(LinuxThread t) {
        int i = t.prio - LinuxScheduler.MAX_RT_PRIO;
        t.next = null;
        t.previous = tail[i];
        if (tail[i] == null) {
            head[i] = t;
        } else {
            tail[i].next = t;
        }
        tail[i] = t;
        bitmap |= 1L << i;
        size++;
        t.array = this;
    }

    /** {@code dequeue_task}. */
    void dequeue(LinuxThread t) {
        int i = t.prio - LinuxScheduler.MAX_RT_PRIO;
        if (t.previous == null) {
            head[i] = t.next;
        } else {
            t.previous.next = t.next;
        }
        if (t.next == null) {
            tail[i] = t.previous;
        } else {
            t.next.previous = t.previous;
        }
        t.next = null;
        t.previous = null;
        if (head[i] == null) {
            bitmap &= ~(1L << i);
        }
        size--;
        t.array = null;
    }

    /** {@code requeue_task}: to the tail of its list. */
    void requeue(LinuxThread t) {
        dequeue(t);
        enqueue(t);
    }

    /** The first thread of the best non-empty priority, or null. */
    LinuxThread best() {
        return bitmap == 0 ? null : head[Long.numberOfTrailingZeros(bitmap)];
    }

    /** The first priority at or after {@code prio} with a thread queued, or -1. */
    int nextPrio(int prio) {
        int from = prio - LinuxScheduler.MAX_RT_PRIO;
        if (from >= LEVELS) {
            return -1;
        }
        long rest = bitmap & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest) + LinuxScheduler.MAX_RT_PRIO;
    }

    /** The last thread queued at {@code prio}: load balancing walks a list from its tail. */
    LinuxThread last(int prio) {
        return tail[prio - LinuxScheduler.MAX_RT_PRIO];
    }
}
