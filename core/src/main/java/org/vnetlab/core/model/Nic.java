package org.vnetlab.core.model;

import org.vnetlab.core.units.DataRate;

/**
 * A network interface card.
 *
 * @param lineRate        the rate it serialises frames at
 * @param rxRing          receive descriptors; a frame arriving to a full ring is dropped
 * @param txRing          transmit descriptors; a send to a full ring waits or is dropped
 * @param coalesceNanos   interrupt coalescing delay after the first frame (rx-usecs)
 * @param coalesceFrames  frames that raise an interrupt at once (rx-frames)
 * @param interruptGapNanos least time between two receive interrupts of a queue (an interrupt
 *                        throttle: Intel's InterruptThrottleRate of n a second is 1/n); 0 for none
 * @param napiBudget      most frames one NAPI poll takes from the ring
 * @param frameOverheadNanos time the NIC spends per transmitted frame beyond its bits on the wire
 * @param txCoalesceNanos transmit-completion coalescing: delay after the first frame sent (tx-usecs)
 * @param txCoalesceFrames transmit-completion coalescing: frames sent that raise the interrupt at once (tx-frames)
 * @param queues          receive (and transmit) queues, each with its own ring, coalescing and NAPI poll,
 *                        flows spread over them by the RSS hash (1: a single-queue NIC)
 * @param irqCpu          the CPU that takes the first queue's interrupt, and so runs its NAPI poll
 *                        (queue i's goes to the CPU after, modulo the CPUs): /proc/irq/N/smp_affinity
 * @param tso             TCP segmentation offload (NETIF_F_TSO): the kernel hands the driver TCP over
 *                        IPv4 in skbs of up to 64 KB and the NIC cuts them into frames
 */
public record Nic(DataRate lineRate, int rxRing, int txRing, long coalesceNanos, int coalesceFrames,
                  long interruptGapNanos, int napiBudget, long frameOverheadNanos, long txCoalesceNanos,
                  int txCoalesceFrames, int queues, int irqCpu, boolean tso) {

    public Nic {
        Checks.positive("rx ring", rxRing);
        Checks.positive("tx ring", txRing);
        Checks.nonNegative("coalescing delay", coalesceNanos);
        Checks.positive("coalescing frames", coalesceFrames);
        Checks.nonNegative("interrupt gap", interruptGapNanos);
        Checks.positive("NAPI budget", napiBudget);
        Checks.nonNegative("frame overhead", frameOverheadNanos);
        Checks.nonNegative("transmit coalescing delay", txCoalesceNanos);
        Checks.positive("transmit coalescing frames", txCoalesceFrames);
        Checks.positive("queues", queues);
        Checks.nonNegative("interrupt CPU", irqCpu);
    }
}
