package org.vnetlab.sim.cpu;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.sim.kernel.Event;
import org.vnetlab.sim.kernel.Kernel;

/**
 * Something that runs tasks one job at a time: a physical CPU of a native host, or a Xen
 * VCPU. It runs only while it holds a physical CPU ({@link #running}); a VCPU gets one from
 * the credit scheduler, a host CPU always has its own. Within it, the task of the highest
 * {@link Priority} with work goes first; a preemptible job is paused for a higher one.
 */
public abstract class Executor {

    protected final Kernel kernel;
    private final String name;
    private final double speed;
    private final List<Task> tasks = new ArrayList<>();
    private Task current;
    private long resumedAt;
    private boolean running;
    /** Set while a finished job emits its output: wake-ups then wait until it is done. */
    private boolean completing;
    /** Nothing ran since the executor last went idle: a process woken now first pays the wake-up latency. */
    private boolean idle = true;
    private long wakeupLatency;
    /** Softirq jobs run back to back since a process last ran, and how many make a turn. */
    private int softirqRun;
    private int softirqRestarts = Integer.MAX_VALUE;
    private final Event wokenUp;
    private final Event completion;

    protected Executor(Kernel kernel, String name, double speed) {
        this.kernel = kernel;
        this.name = name;
        this.speed = speed;
        this.wokenUp = new Event(name + ".wakeup") {
            @Override
            protected void fire() {
                if (running && current == null && !completing) {
                    idle = false;
                    dispatch();
                }
            }
        };
        this.completion = new Event(name) {
            @Override
            public String owner() {
                return current == null ? name : name + ":" + current.name();
            }

            @Override
            protected void fire() {
                complete();
            }
        };
    }

    public String name() {
        return name;
    }

    /**
     * After this many softirq jobs in a row with a process waiting, the process runs one job:
     * Linux hands softirq work over load to ksoftirqd, which competes with processes.
     */
    public void setSoftirqRestarts(int restarts) {
        this.softirqRestarts = restarts;
    }

    /**
     * Sets how long a process sleeping on I/O takes to run once woken on this idle CPU (the
     * scheduler's wake-up path: IPI, context switch). Softirqs run at once.
     */
    public void setWakeupLatency(long nanos) {
        this.wakeupLatency = nanos;
    }

    public double speed() {
        return speed;
    }

    public void add(Task task) {
        if (task.executor != null) {
            throw new IllegalStateException(task.name() + " already runs on " + task.executor.name());
        }
        task.executor = this;
        int i = 0;
        while (i < tasks.size() && tasks.get(i).priority().ordinal() <= task.priority().ordinal()) {
            i++;
        }
        tasks.add(i, task);
    }

    public List<Task> tasks() {
        return List.copyOf(tasks);
    }

    protected boolean isRunning() {
        return running;
    }

    /** Whether a job was begun and paused (a descheduled VCPU resumes it at once). */
    protected boolean hasJobInProgress() {
        for (int i = 0, n = tasks.size(); i < n; i++) {
            if (tasks.get(i).inJob) {
                return true;
            }
        }
        return false;
    }

    /** Whether any task has a job paused or ready to begin. */
    public boolean hasRunnable() {
        return next() != null;
    }

    private Task next() {
        long now = kernel.now();
        Task first = null;
        for (int i = 0, n = tasks.size(); i < n; i++) {
            Task t = tasks.get(i);
            if (t.inJob || t.hasWork(now)) {
                if (first == null) {
                    first = t;
                    if (t.priority() != Priority.SOFTIRQ || softirqRun < softirqRestarts) {
                        return t;
                    }
                } else if (t.priority() != Priority.SOFTIRQ) {
                    // softirqs ran back to back too long: the rest goes to ksoftirqd, and a
                    // waiting process gets its turn (Linux's MAX_SOFTIRQ_RESTART)
                    return t;
                }
            }
        }
        return first;
    }

    /** A task got input. */
    void taskReady(Task t) {
        if (!running) {
            wantCpu();
            return;
        }
        if (completing) {
            return;
        }
        if (current == null) {
            dispatch();
        } else if (t.priority().ordinal() < current.priority().ordinal() && current.preemptible()) {
            pause();
            dispatch();
        }
    }

    /** Asks for a physical CPU (a VCPU wakes in its scheduler); a host CPU already has one. */
    protected abstract void wantCpu();

    /** Nothing left to run: a VCPU blocks and gives its physical CPU back. */
    protected abstract void idle();

    /** Gets a physical CPU: resume or begin work. */
    protected void start() {
        running = true;
        dispatch();
    }

    /** Loses its physical CPU: the current job pauses. */
    protected void stopRunning() {
        if (current != null) {
            pause();
        }
        running = false;
    }

    private void dispatch() {
        Task t = next();
        if (t == null) {
            current = null;
            idle = true;
            idle();
            return;
        }
        if (idle && wakeupLatency > 0 && t.sleepsOnInput() && !t.inJob) {
            if (!wokenUp.isScheduled()) {
                kernel.scheduleAfter(wokenUp, wakeupLatency);
            }
            return;
        }
        idle = false;
        long now = kernel.now();
        if (!t.inJob) {
            t.inJob = true;
            t.jobStart = now;
            t.remaining = Math.max(0, t.beginJob(now));
        }
        current = t;
        resumedAt = now;
        long duration = (long) (t.remaining / speed);
        kernel.scheduleAt(completion, now + duration + (duration < t.remaining / speed ? 1 : 0));
    }

    private void pause() {
        long now = kernel.now();
        kernel.cancel(completion);
        current.remaining = Math.max(0, current.remaining - (now - resumedAt) * speed);
        current.domain().charge(now - resumedAt);
        current = null;
    }

    private void complete() {
        Task t = current;
        long now = kernel.now();
        t.domain().charge(now - resumedAt);
        t.inJob = false;
        t.remaining = 0;
        current = null;
        softirqRun = t.priority() == Priority.SOFTIRQ ? softirqRun + 1 : 0;
        rotate(t);
        completing = true;
        try {
            t.endJob(t.jobStart, now);
        } finally {
            completing = false;
        }
        if (running) {
            dispatch();
        }
    }

    /**
     * Moves a task that just finished a job behind the others of its priority, so tasks of equal
     * priority take turns (Linux runs pending softirqs in turn; one does not starve another).
     */
    private void rotate(Task t) {
        int i = tasks.indexOf(t);
        int j = i;
        while (j + 1 < tasks.size() && tasks.get(j + 1).priority() == t.priority()) {
            j++;
        }
        if (j > i) {
            tasks.remove(i);
            tasks.add(j, t);
        }
    }

    /** Charges the running job's time so far, so a CPU sample taken now is exact. */
    public void account() {
        if (current != null) {
            long now = kernel.now();
            current.domain().charge(now - resumedAt);
            current.remaining = Math.max(0, current.remaining - (now - resumedAt) * speed);
            resumedAt = now;
        }
    }
}
