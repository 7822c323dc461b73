package org.vnetlab.live.control;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a test's data loop on a thread of its own and completes a future when the loop ends. */
final class DataThread {

    private static final Logger LOG = LoggerFactory.getLogger(DataThread.class);

    /** A data loop that may fail with any exception. */
    interface Loop {
        void run() throws Exception;
    }

    private DataThread() {
    }

    static void start(String name, CompletableFuture<Void> done, Loop loop) {
        Thread t = new Thread(() -> {
            try {
                loop.run();
                done.complete(null);
            } catch (Exception e) {
                LOG.debug("{} failed", name, e);
                done.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
