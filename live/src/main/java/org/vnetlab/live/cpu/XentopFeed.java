package org.vnetlab.live.cpu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.live.data.ClientText;

/**
 * Xen domains' CPU time from one long-running {@code xentop -b -f -d 1}, shared by every
 * {@code xen:} source.
 *
 * <p>Why CPU(%) and not CPU(sec): xentop prints CPU(sec) as whole seconds (nanoseconds / 10^9,
 * truncated), far too coarse for one-second samples, while CPU(%) is its exact nanosecond difference
 * over the time between its own iterations. A domain's time is therefore the sum of CPU(%) times the
 * time between iterations (as this reader saw them arrive), from the second iteration the domain is
 * seen in on: the first iteration's CPU(%) has no previous sample behind it (xentop prints 0.0, or
 * the share since boot in some versions), and so does that of a domain that just appeared. CPU(sec)
 * going backwards marks a domain that was destroyed and started again under the same name.
 *
 * <p>xentop's iterations and the sampler's seconds are not in step, so a reading at time t is the
 * time up to t - one period, interpolated between iterations: every sample then covers one period of
 * the domain's time, never zero or two iterations (at the cost of lagging one period).
 */
public final class XentopFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XentopFeed.class);
    /** Readings kept per domain: enough to interpolate one period back whatever the jitter. */
    private static final int HISTORY = 4;

    private final LongSupplier clock;
    private final long lagNanos;
    private final XentopParser parser;
    private final Map<String, DomainTime> domains = new HashMap<>();
    private final Set<String> inThisIteration = new HashSet<>();
    private final CountDownLatch firstIterationComplete = new CountDownLatch(1);
    private int iteration;
    private long iterationStart;
    private long previousStart;
    private String failure;
    private volatile Process process;

    /** A feed of lines given to {@link #accept}, timed by {@code clock} (nanoseconds), one {@code period} apart. */
    public XentopFeed(LongSupplier clock, Duration period) {
        this.clock = clock;
        this.lagNanos = period.toNanos();
        this.parser = new XentopParser(new XentopParser.Listener() {
            @Override
            public void iteration() {
                onIteration();
            }

            @Override
            public void domain(XentopParser.Domain d) {
                onDomain(d);
            }
        });
    }

    /**
     * Starts {@code command} (xentop in batch mode, one iteration a {@code period}) and waits for its
     * first complete iteration.
     *
     * @throws IllegalArgumentException one line: xentop is missing, exited, or printed what this does not read
     */
    public static XentopFeed start(List<String> command, Duration period, Duration wait) throws InterruptedException {
        XentopFeed feed = new XentopFeed(System::nanoTime, period);
        try {
            feed.process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            // Java's message is 'Cannot run program "xentop": error=2, No such file or directory'
            String why = e.getMessage() == null ? "" : e.getMessage().substring(e.getMessage().lastIndexOf(", ") + 1)
                    .strip();
            throw new IllegalArgumentException("cannot run " + command.get(0) + " (" + why
                    + "): xen: sources need xentop, from Xen's tools, in Dom0");
        }
        Thread reader = new Thread(feed::read, "vnetlab-xentop");
        reader.setDaemon(true);
        reader.start();
        boolean complete = feed.firstIterationComplete.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        String failed = feed.failure();
        if (failed != null || !complete) {
            feed.close();
            throw new IllegalArgumentException(failed != null ? failed
                    : String.join(" ", command) + " printed no complete iteration within " + wait.toSeconds() + " s");
        }
        return feed;
    }

    /** Reads one line of xentop's output, arrived now. */
    public synchronized void accept(String line) {
        if (failure != null) {
            return;
        }
        try {
            parser.accept(line);
        } catch (XentopParser.FormatException e) {
            fail(e.getMessage());
        }
    }

    /** The domains xentop listed in its latest iteration. */
    public synchronized Set<String> domains() {
        Set<String> names = new TreeSet<>();
        domains.forEach((name, t) -> {
            if (t.lastIteration == iteration || t.lastIteration == iteration - 1) {
                names.add(name);
            }
        });
        return names;
    }

    /** A domain's CPU time as of one period ago, in nanoseconds. */
    public synchronized long cpuNanos(String domain) {
        if (failure != null) {
            throw new CpuSource.Unreadable(failure);
        }
        DomainTime t = domains.get(domain);
        if (t == null) {
            throw new IllegalStateException("xentop lists no domain " + domain);
        }
        if (t.ambiguous) {
            throw new CpuSource.Unreadable("xentop lists two domains named " + domain);
        }
        return t.at(clock.getAsLong() - lagNanos);
    }

    /** Why the feed stopped, or null while it reads. */
    public synchronized String failure() {
        return failure;
    }

    /** Stops xentop; the domains are unreadable from now on. */
    @Override
    public void close() {
        synchronized (this) {
            if (failure == null) {
                failure = "xentop was stopped";
            }
        }
        Process p = process;
        if (p != null) {
            p.destroy();
        }
    }

    /** The end of xentop's output, with what it said on stderr. */
    synchronized void fail(String reason) {
        if (failure == null) {
            failure = reason;
            LOG.warn("Xen domains' CPU is no longer read: {}", reason);
        }
        firstIterationComplete.countDown();
    }

    private void onIteration() {
        iteration++;
        previousStart = iterationStart;
        iterationStart = clock.getAsLong();
        inThisIteration.clear();
        if (iteration == 2) {
            firstIterationComplete.countDown();
        }
    }

    private void onDomain(XentopParser.Domain d) {
        DomainTime t = domains.computeIfAbsent(d.name(), k -> new DomainTime());
        if (!inThisIteration.add(d.name())) {
            // Xen's names are unique: two alike are names cut to 10 characters (xentop without -f)
            t.ambiguous = true;
            return;
        }
        boolean continues = iteration > 1 && t.lastIteration == iteration - 1 && d.cpuSeconds() >= t.lastSeconds;
        if (continues) {
            t.nanos += Math.round(d.cpuPercent() / 100.0 * (iterationStart - previousStart));
        }
        t.lastIteration = iteration;
        t.lastSeconds = d.cpuSeconds();
        t.record(iterationStart);
    }

    private void read() {
        Process p = process;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && failure() == null) {
                accept(line);
            }
        } catch (IOException e) {
            fail("reading xentop's output failed: " + e.getMessage());
        }
        if (failure() != null) {
            p.destroy();
            return;
        }
        try {
            List<String> err = new ArrayList<>(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().filter(l -> !l.isBlank()).toList());
            int code = p.waitFor();
            fail("xentop exited with code " + code + (err.isEmpty() ? "" : ": " + ClientText.of(
                    err.get(err.size() - 1))));
        } catch (IOException e) {
            fail("xentop stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("xentop stopped");
        }
    }

    /** One domain's CPU time at the last few iterations. */
    private static final class DomainTime {
        final long[] times = new long[HISTORY];
        final long[] values = new long[HISTORY];
        int count;
        int lastIteration;
        long lastSeconds;
        long nanos;
        boolean ambiguous;

        void record(long time) {
            if (count == HISTORY) {
                System.arraycopy(times, 1, times, 0, HISTORY - 1);
                System.arraycopy(values, 1, values, 0, HISTORY - 1);
                count--;
            }
            times[count] = time;
            values[count] = nanos;
            count++;
        }

        /** The time at {@code when}: interpolated between iterations, held before the first and after the last. */
        long at(long when) {
            if (when <= times[0]) {
                return values[0];
            }
            for (int i = 1; i < count; i++) {
                if (when < times[i]) {
                    double f = (double) (when - times[i - 1]) / (times[i] - times[i - 1]);
                    return values[i - 1] + Math.round(f * (values[i] - values[i - 1]));
                }
            }
            return values[count - 1];
        }
    }
}
