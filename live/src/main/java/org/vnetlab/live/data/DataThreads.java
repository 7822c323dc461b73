package org.vnetlab.live.data;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a test's data loop on a (daemon) thread of its own; the future completes when the loop ends. */
public final class DataThreads {

    private static final Logger LOG = LoggerFactory.getLogger(DataThreads.class);

    private DataThreads() {
    }

    public static <T> CompletableFuture<T> start(String name, Callable<T> loop) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                done.complete(loop.call());
            } catch (Exception | Error e) {
                LOG.debug("{} failed", name, e);
                done.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** Completes {@code target} as the future it is given to completes (for {@code whenComplete}). */
    public static BiConsumer<Object, Throwable> into(CompletableFuture<Void> target) {
        return (value, failure) -> {
            if (failure == null) {
                target.complete(null);
            } else {
                target.completeExceptionally(failure);
            }
        };
    }
}
