package org.vnetlab.live.emulate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.vnetlab.sim.forward.ForwardingHost;
import org.vnetlab.sim.forward.HostModel;
import org.vnetlab.sim.packet.PacketKind;

/**
 * A running emulator: the model of a scenario's machine 1 in real time between an edge and the
 * world, hosted by a Pekko actor system ({@link Supervisor} over {@link ModelHost}).
 */
public final class Emulator {

    /** Pekko settings of the emulator's actor system: no JVM shutdown hook of its own (the caller's stops it), logs to SLF4J. */
    private static final String SYSTEM_CONFIG = String.join("\n",
            "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
            "pekko.jvm-shutdown-hooks = off",
            "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
            "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"",
            "pekko.stdout-loglevel = OFF");

    private final ActorSystem<Supervisor.Command> system;

    private Emulator(ActorSystem<Supervisor.Command> system) {
        this.system = system;
    }

    /** The settings the emulator runs with, from the class path's configuration. */
    public static EmulatorSettings settings() {
        return EmulatorSettings.of(ConfigFactory.load());
    }

    /**
     * Starts the model of {@code host} carrying datagrams between {@code edge} and the world; returns once the
     * edge takes traffic.
     *
     * @param ingress the ring {@code edge} fills
     * @param kind    the model's kind of every datagram
     */
    public static <E extends Edge & Egress> Emulator start(ForwardingHost host, IngressRing ingress, E edge, PacketKind kind,
                                                           EmulatorSettings settings, Supervisor.Listener listener) {
        return start(host, new UdpCarrier(host, ingress, edge, kind, settings), edge, settings, listener);
    }

    /**
     * Starts the model of {@code host} with {@code carrier} moving the traffic of {@code edge} through it;
     * returns once the edge takes traffic.
     */
    public static Emulator start(HostModel host, Carrier carrier, Edge edge, EmulatorSettings settings,
                                 Supervisor.Listener listener) {
        RealtimeLoop loop = new RealtimeLoop(host, carrier, settings);
        Config config = ConfigFactory.parseString(SYSTEM_CONFIG).withFallback(ConfigFactory.load());
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Emulator e = new Emulator(ActorSystem.create(Supervisor.create(loop, edge, settings, listener, ready),
                "vnetlab-emulator", config));
        try {
            ready.get(30, TimeUnit.SECONDS);
        } catch (Exception notReady) {
            e.system.terminate();
            throw new IllegalStateException("the emulator did not start: " + notReady.getMessage(), notReady);
        }
        return e;
    }

    /** Stops the emulator and returns its final counters. */
    public CompletionStage<Counters> finish() {
        CompletionStage<Counters> done = AskPattern.ask(system, Supervisor.Finish::new, Duration.ofSeconds(10),
                system.scheduler());
        return done.whenComplete((c, e) -> system.terminate());
    }

    /** Completes when the emulator has stopped, finished or failed. */
    public CompletableFuture<Void> terminated() {
        return system.getWhenTerminated().toCompletableFuture().thenApply(d -> null);
    }

    /** Waits for the emulator to stop, at most {@code timeout}; true if it did. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        try {
            terminated().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }
}
