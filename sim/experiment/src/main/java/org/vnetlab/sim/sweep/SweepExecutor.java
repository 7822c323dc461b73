package org.vnetlab.sim.sweep;

import java.util.SortedMap;
import java.util.function.BooleanSupplier;
import org.vnetlab.sim.experiment.RunResult;

/**
 * Runs the items of a sweep job somewhere (this machine's cores, a cluster) and gathers the
 * results by item index. Which item runs where and when never changes a result.
 */
public interface SweepExecutor extends AutoCloseable {

    /** Told of each finished run. */
    interface Progress {
        void runDone(int done, int total);

        /**
         * The result of item {@code index}, told once, as soon as it is there (before
         * {@link #runDone}); possibly from another thread than the caller of {@code execute}.
         */
        default void made(int index, RunResult result) {
        }
    }

    /**
     * Runs every item; once {@code cancelled} says so, starts no more and returns what finished.
     *
     * @return item index -> result, for the items that finished
     */
    SortedMap<Integer, RunResult> execute(SweepJob job, Progress progress, BooleanSupplier cancelled)
            throws InterruptedException;

    /** Frees the executor's threads and nodes. */
    @Override
    void close() throws InterruptedException;
}
