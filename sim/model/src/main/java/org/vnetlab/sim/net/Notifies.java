package org.vnetlab.sim.net;

import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The guests net_rx_action has still to notify (its notify_list): one event-channel hypercall
 * each, sent from the list's end ({@code while (notify_nr) notify_remote_via_irq(notify_list[--notify_nr])}),
 * so the guest served first hears last. Xen runs its scheduling softirq as a hypercall returns:
 * when a notify wakes a guest better than Dom0 on Dom0's physical CPU, Dom0's VCPU is switched out
 * there, and the rest are sent once it runs again.
 *
 * @param <T> what is notified
 */
final class Notifies<T> {

    private final ArrayDeque<T> waiting = new ArrayDeque<>();

    /** {@code t} gets an event; added in the order served. */
    void add(T t) {
        waiting.addFirst(t);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Sends them in turn while the sending CPU is still held after each hypercall. */
    void send(Consumer<T> notify, BooleanSupplier cpuHeld) {
        while (!waiting.isEmpty()) {
            notify.accept(waiting.pollFirst());
            if (!cpuHeld.getAsBoolean()) {
                return;
            }
        }
    }
}
