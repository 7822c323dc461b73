package org.vnetlab.sim.cpu;

import java.util.function.BooleanSupplier;

/**
 * One CPU's softirq work and Linux's rules for running it ({@code kernel/softirq.c
 * __do_softirq}, {@code net/core/dev.c net_rx_action}). An invocation runs passes; each pass
 * polls the pending NAPI devices in turn until it has taken {@code netdev_budget} frames or
 * more than a jiffy has passed (what is left stays pending), then runs each tasklet pending
 * at that moment once, if the pass began with a tasklet scheduled: {@code __do_softirq} reads
 * the pending softirqs once as a pass begins, so a tasklet first scheduled by the pass's own
 * polls ({@code TASKLET_SOFTIRQ} comes after {@code NET_RX_SOFTIRQ}) waits for the next pass,
 * and its polls. While work is pending after a pass another one follows, at most
 * {@code MAX_SOFTIRQ_RESTART} passes in all; what is still pending then is left to ksoftirqd.
 * From Linux 3.9 on ("softirq: reduce latencies") an invocation also stops restarting once
 * {@code MAX_SOFTIRQ_TIME} has passed since it began, or once the CPU's running thread is to be
 * rescheduled ({@code need_resched}); 2.6.16 had neither rule.
 */
final class Softirqs {

    /** The tasks by index, {@link #count} of them: a task's bit in the masks below is its index. */
    private final Task[] tasks = new Task[Long.SIZE];
    private int count;
    private long netRx;
    private long tasklets;
    private long irqs;
    /** Bit i set: task i is a hard interrupt that waits for the outer upcall ({@link Task#waitsForOuterUpcall}). */
    private long outerUpcallIrqs;
    /** Bit i set: task i was raised and has not been found without work since. */
    private long pending;
    /**
     * Bit i set: tasklet i is on the CPU's tasklet list (TASKLET_STATE_SCHED), put there as the
     * {@code listedAt[i]}-th: {@code __tasklet_schedule} pushes at the list's head, so a pass runs
     * the tasklets scheduled last first; a tasklet leaves the list as it begins to run.
     */
    private long listed;
    private final long[] listedAt = new long[Long.SIZE];
    private long listings;
    private int budgetPerPass = Integer.MAX_VALUE;
    private int maxPasses = Integer.MAX_VALUE;
    private long jiffyNanos = Long.MAX_VALUE;
    /** {@code MAX_SOFTIRQ_TIME} in jiffies, 0 for none (then {@code need_resched} is not asked either). */
    private long timeLimitJiffies;
    private boolean active;
    /** Whether the running invocation is an interrupt's exit ({@code irq_exit}), not ksoftirqd's. */
    private boolean atInterruptExit;
    /** Whether the invocation has served a handler that waits for the outer upcall. */
    private boolean outerUpcallServed;
    private long invocationJiffy;
    private int passesLeft;
    private int budget;
    private long passJiffy;
    private boolean taskletPhase;
    /** Whether the pass has read what is pending ({@code pending = local_softirq_pending()}). */
    private boolean passRead;
    /** Whether the pass began with {@code TASKLET_SOFTIRQ} pending: a tasklet with work. */
    private boolean passRunsTasklets;
    /** When the pass read what is pending. */
    private long passReadAt;
    private long taskletsLeft;
    private int cursor;

    /**
     * @param timeLimitNanos {@code MAX_SOFTIRQ_TIME} (3.9 and later), 0 for the older kernels that
     *                       restart until {@code MAX_SOFTIRQ_RESTART} whatever the time
     */
    void configure(int netdevBudget, int restarts, long jiffy, long timeLimitNanos) {
        this.budgetPerPass = netdevBudget;
        this.maxPasses = restarts;
        this.jiffyNanos = jiffy;
        // msecs_to_jiffies rounds up
        this.timeLimitJiffies = (timeLimitNanos + jiffy - 1) / jiffy;
    }

    void add(Task t) {
        if (count == Long.SIZE) {
            throw new IllegalStateException("more than " + Long.SIZE + " softirq tasks on one CPU");
        }
        t.softirqIndex = count;
        tasks[count++] = t;
        long bit = 1L << t.softirqIndex;
        switch (t.context()) {
            case NET_RX -> netRx |= bit;
            case TASKLET -> tasklets |= bit;
            case IRQ -> {
                irqs |= bit;
                if (t.waitsForOuterUpcall()) {
                    outerUpcallIrqs |= bit;
                }
            }
            default -> throw new IllegalArgumentException(t.name() + " is not softirq work");
        }
    }

    /**
     * Raises {@code t} at {@code now}; whether it was not pending yet (then its interrupt is a new
     * one). A tasklet raised at the instant a pass read what is pending was raised by the event
     * that began the pass, before its {@code irq_exit}: it is part of the pass.
     */
    boolean raise(Task t, long now) {
        long bit = 1L << t.softirqIndex;
        boolean fresh = (pending & bit) == 0;
        pending |= bit;
        list(t.softirqIndex);
        if ((tasklets & bit) != 0 && active && passRead && now == passReadAt) {
            passRunsTasklets = true;
        }
        return fresh;
    }

    /** {@code tasklet_schedule}: a tasklet not on the list goes to its head. */
    private void list(int i) {
        long bit = 1L << i;
        if ((tasklets & bit) != 0 && (listed & bit) == 0) {
            listed |= bit;
            listedAt[i] = ++listings;
        }
    }

    /** Of the tasklets in {@code mask}, the one nearest the list's head (scheduled last). */
    private int nearestHead(long mask) {
        int best = Long.numberOfTrailingZeros(mask);
        for (long m = mask & (mask - 1); m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            if (listedAt[i] > listedAt[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Whether an invocation is running ({@code in_softirq}). */
    boolean active() {
        return active;
    }

    /** Whether any raised task has work; those without work are no longer pending. */
    boolean hasPending(long now) {
        return hasPending(now, 0);
    }

    /** The same, of the raised tasks not in {@code ignored}. */
    private boolean hasPending(long now, long ignored) {
        long p = pending & ~ignored;
        while (p != 0) {
            int i = Long.numberOfTrailingZeros(p);
            p &= p - 1;
            if (!hasWork(i, now)) {
                pending &= ~(1L << i);
            }
        }
        return (pending & ~ignored) != 0;
    }

    /** Whether an invocation at an interrupt's exit is running: an upcall's handler in progress. */
    boolean atInterruptExit() {
        return active && atInterruptExit;
    }

    /**
     * Starts an invocation ({@code __do_softirq}).
     *
     * @param atInterruptExit whether an interrupt's exit runs it ({@code irq_exit}), not ksoftirqd
     */
    void begin(long now, boolean atInterruptExit) {
        active = true;
        this.atInterruptExit = atInterruptExit;
        outerUpcallServed = false;
        passesLeft = maxPasses;
        invocationJiffy = now / jiffyNanos;
        startPass(now);
    }

    private void startPass(long now) {
        budget = budgetPerPass;
        passJiffy = now / jiffyNanos;
        taskletPhase = false;
        passRead = false;
    }

    /**
     * The next job of the running invocation, or null when the invocation has ended: then
     * {@link #hasPending} says whether work was left for ksoftirqd.
     *
     * @param needResched whether the CPU's running thread is to be rescheduled (asked only of a
     *                    kernel with {@code MAX_SOFTIRQ_TIME})
     */
    Task next(long now, BooleanSupplier needResched) {
        Task irq = pendingIrq(now);
        if (irq != null) {
            return irq;
        }
        while (true) {
            if (!passRead) {
                // after the hard interrupts that began it: what they scheduled is in this pass
                passRead = true;
                passReadAt = now;
                passRunsTasklets = anyWithWork(pending & tasklets, now);
            }
            if (!taskletPhase) {
                // net_rx_action: budget <= 0 || jiffies - start_time > 1 -> softnet_break
                if (budget > 0 && now / jiffyNanos - passJiffy <= 1) {
                    Task poll = nextPoll(now);
                    if (poll != null) {
                        return poll;
                    }
                }
                taskletPhase = true;
                taskletsLeft = passRunsTasklets ? pending & tasklets : 0;
            }
            while (taskletsLeft != 0) {
                // tasklet_action runs the list it took from its head
                int i = nearestHead(taskletsLeft);
                taskletsLeft &= ~(1L << i);
                listed &= ~(1L << i);
                if (hasWork(i, now)) {
                    return tasks[i];
                }
                pending &= ~(1L << i);
            }
            // a handler waiting for the outer upcall is no softirq: it does not restart this invocation
            if (hasPending(now, atInterruptExit ? outerUpcallIrqs : 0) && mayRestart(now, needResched)
                    && --passesLeft > 0) {
                startPass(now);
                continue;
            }
            active = false;
            return null;
        }
    }

    /** {@code time_before(jiffies, end) && !need_resched()}, where the kernel has that rule. */
    private boolean mayRestart(long now, BooleanSupplier needResched) {
        return timeLimitJiffies == 0
                || (now / jiffyNanos - invocationJiffy < timeLimitJiffies && !needResched.getAsBoolean());
    }

    /**
     * A pending hard interrupt's handler with work, lowest index first; null for none. One that
     * waits for the outer upcall runs inside an invocation at an interrupt's exit only as its
     * first job ({@link Task#waitsForOuterUpcall}).
     */
    Task pendingIrq(long now) {
        for (long p = pending & irqs; p != 0; p &= p - 1) {
            int i = Long.numberOfTrailingZeros(p);
            if (hasWork(i, now)) {
                if ((outerUpcallIrqs & (1L << i)) == 0 || !atInterruptExit()) {
                    return tasks[i];
                }
                if (!outerUpcallServed && !passRead && passesLeft == maxPasses) {
                    outerUpcallServed = true;
                    return tasks[i];
                }
                continue;
            }
            pending &= ~(1L << i);
        }
        return null;
    }

    /** Whether a handler that waits for the outer upcall has work: it begins the next invocation. */
    boolean outerUpcallPending(long now) {
        return anyWithWork(pending & outerUpcallIrqs, now);
    }

    /** The next pending device after the last one polled, round robin. */
    private Task nextPoll(long now) {
        Task poll = nextPoll(now, cursor + 1, count);
        return poll != null ? poll : nextPoll(now, 0, cursor + 1);
    }

    /**
     * The first pending device with work of those numbered {@code from} to {@code to - 1}; what is
     * pending is read afresh after each device asked (asking may raise another).
     */
    private Task nextPoll(long now, int from, int to) {
        for (int i = nextPendingPoll(from); i >= 0 && i < to; i = nextPendingPoll(i + 1)) {
            if (hasWork(i, now)) {
                cursor = i;
                return tasks[i];
            }
            pending &= ~(1L << i);
        }
        return null;
    }

    /** The first pending device numbered {@code from} or more, or -1. */
    private int nextPendingPoll(int from) {
        long rest = from >= Long.SIZE ? 0 : pending & netRx & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    /**
     * A job of {@code t} ended: without more work it is no longer pending; a tasklet cut short
     * ({@link Task#resumesAtOnce}) runs again next in this pass.
     */
    void done(Task t, long now) {
        long bit = 1L << t.softirqIndex;
        if (!hasWork(t.softirqIndex, now)) {
            pending &= ~bit;
        } else if (active && taskletPhase && (tasklets & bit) != 0 && t.resumesAtOnce()) {
            // the same run goes on: first of what is left
            taskletsLeft |= bit;
            listedAt[t.softirqIndex] = ++listings;
        } else {
            // a tasklet left with work schedules itself again as it ends (net_rx_action's
            // tasklet_schedule), at the list's head
            list(t.softirqIndex);
        }
    }

    /** Frames the current NET_RX pass still allows. */
    int budget() {
        return active ? Math.max(0, budget) : budgetPerPass;
    }

    void took(int frames) {
        budget -= frames;
    }

    private boolean anyWithWork(long mask, long now) {
        for (long m = mask; m != 0; m &= m - 1) {
            if (hasWork(Long.numberOfTrailingZeros(m), now)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasWork(int i, long now) {
        Task t = tasks[i];
        return t.inJob || t.hasWork(now);
    }
}
