package org.vnetlab.sim.cpu;

import java.util.List;

/**
 * A Linux kernel's scheduler of threads onto its CPUs: the native or VServer host, Dom0, a DomU,
 * machine 2. A new thread goes to the CPU with the fewest threads, ties to the highest-numbered
 * CPU (CPU 0 takes the NIC's interrupts), and stays there; on its CPU, I/O-bound threads run
 * before CPU hogs ({@link Priority}).
 */
public final class LinuxScheduler implements CpuScheduler<Task> {

    private final List<? extends Executor> cpus;
    private final int[] threads;

    public LinuxScheduler(List<? extends Executor> cpus) {
        this.cpus = List.copyOf(cpus);
        this.threads = new int[cpus.size()];
    }

    /** The kernel's CPUs, in number order. */
    public List<? extends Executor> cpus() {
        return cpus;
    }

    /** Starts a thread (an application process) in this kernel. */
    public void spawn(Task thread) {
        int best = cpus.size() - 1;
        for (int i = cpus.size() - 1; i >= 0; i--) {
            if (threads[i] < threads[best]) {
                best = i;
            }
        }
        threads[best]++;
        cpus.get(best).add(thread);
    }

    @Override
    public void start() {
        // no timers of its own
    }

    @Override
    public void wake(Task thread) {
        thread.wake();
    }

    @Override
    public void block(Task thread) {
        // a thread without work simply does not run on its CPU
    }
}
