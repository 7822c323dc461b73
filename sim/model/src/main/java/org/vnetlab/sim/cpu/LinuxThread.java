package org.vnetlab.sim.cpu;

/** A thread as Linux 2.6.16's O(1) scheduler keeps it: the fields of its {@code task_struct}. */
final class LinuxThread {

    final Task task;
    final LinuxScheduler scheduler;
    /** Bit i set: may run on the kernel's CPU i ({@code cpus_allowed}). */
    final long allowed;
    final int staticPrio;
    /** Its runqueue: where it runs, waits, or last ran ({@code task_cpu}). */
    RunQueue rq;
    int prio;
    /** {@code sleep_avg}, ns. */
    long sleepAvg;
    /** Ticks left in its slice. */
    int timeSlice;
    /** When it last woke, was switched in or out, ns ({@code p->timestamp}). */
    long timestamp;
    long lastRan;
    /** How it was woken: 2 from an interrupt, 1 by another thread, 0 once it has run. */
    int activated;
    /** The array it is queued in, null while it sleeps. */
    PrioArray array;
    LinuxThread next;
    LinuxThread previous;
    /** It sleeps until its CPU's next tick ({@code usleep(0)}). */
    boolean timerSleep;

    LinuxThread(Task task, LinuxScheduler scheduler, int nice, long allowed) {
        this.task = task;
        this.scheduler = scheduler;
        this.allowed = allowed;
        this.staticPrio = LinuxScheduler.MAX_RT_PRIO + 20 + nice;
        this.prio = staticPrio;
    }

    boolean mayRunOn(RunQueue q) {
        return (allowed & (1L << q.id)) != 0;
    }

    /** Whether it has work: a job begun, or one it could begin (unless it sleeps until a tick). */
    boolean hasWork(long now) {
        return task.inJob || (!timerSleep && task.hasWork(now));
    }

    @Override
    public String toString() {
        return task.name();
    }
}
