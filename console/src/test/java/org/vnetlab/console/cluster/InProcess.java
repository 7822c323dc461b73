package org.vnetlab.console.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vnetlab.console.Commands;
import org.vnetlab.console.cli.Terminal;

/**
 * A {@code vnetlab} command in this JVM, on a thread of its own, so a test can read its stderr
 * while it runs (a coordinator's notices) and stop it as Ctrl-C would.
 */
final class InProcess implements AutoCloseable {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<Integer> code = new CompletableFuture<>();

    private InProcess() {
    }

    static InProcess start(List<String> args) {
        InProcess p = new InProcess();
        Terminal io = new Terminal(new PrintStream(p.out, true, StandardCharsets.UTF_8),
                new PrintStream(p.err, true, StandardCharsets.UTF_8), false, p.cancelled::get, 100, true);
        Thread t = new Thread(() -> p.code.complete(Commands.cli().run(args, io)), "vnetlab-" + args.get(0));
        t.setDaemon(true);
        t.start();
        return p;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Waits until stderr holds {@code text}; false after {@code limit} or when the command ended without it. */
    boolean awaitErr(String text, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (err().contains(text)) {
                return true;
            }
            if (code.isDone()) {
                return err().contains(text);
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The exit code; fails the test if the command still runs after {@code limit}. */
    int await(Duration limit) throws Exception {
        try {
            return code.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + limit + "; stderr:\n" + err());
        }
    }

    /** Stops the command as Ctrl-C would, and waits a little for it to end. */
    @Override
    public void close() throws Exception {
        cancelled.set(true);
        try {
            code.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // it ends with the JVM: its thread is a daemon
        }
    }
}
