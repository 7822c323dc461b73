package org.vnetlab.sim.param;

import org.vnetlab.config.ConfigError;
import org.vnetlab.core.model.ModelParameters;

/**
 * What KVM costs beyond a native kernel's work (model.cost.kvm.*) and the sizes of its virtio-net
 * path's queues (model.kvm.*; the host's CFS tunables are read where the scheduler is built). Read once; see the simulator's reference.conf
 * for each one's source.
 *
 * @param exit             a guest's kick: a VM exit handled in the host kernel and the re-entry, ns at speed 1.0
 * @param interrupt        an interrupt injected into a guest by irqfd, with its EOI's exit
 * @param vhostPerPacket   the vhost-net worker's work per frame, either way
 * @param vhostPerByte     the vhost-net worker's copy per payload byte
 * @param tap              the host's tun_net_xmit per frame towards a guest
 * @param bridge           the host's bridge per frame
 * @param backlog          the host's second receive pass of a guest's frame (process_backlog)
 * @param virtioRx         the guest's virtio-net receive per frame
 * @param virtioTx         the guest's virtio-net transmit per frame
 * @param vringSize        descriptors of each virtqueue
 * @param tapQueue         frames a tap's queue holds
 * @param vhostWeightBytes bytes the worker moves in one run of a queue
 * @param napiWeight       frames of one virtio-net poll at most
 */
public record KvmCosts(double exit, double interrupt, double vhostPerPacket, double vhostPerByte, double tap,
                       double bridge, double backlog, double virtioRx, double virtioTx, int vringSize, int tapQueue,
                       int vhostWeightBytes, int napiWeight) {

    public KvmCosts {
        if (vringSize < 1 || tapQueue < 1 || vhostWeightBytes < 1 || napiWeight < 1) {
            throw new ConfigError("model.kvm.vring-size, model.kvm.tap-queue-packets, model.kvm.vhost-weight-bytes and"
                    + " model.kvm.napi-weight must be at least 1, got " + vringSize + ", " + tapQueue + ", "
                    + vhostWeightBytes + " and " + napiWeight);
        }
    }

    public static KvmCosts of(ModelParameters p) {
        return new KvmCosts(p.get("cost.kvm.exit-ns"), p.get("cost.kvm.interrupt-ns"),
                p.get("cost.kvm.vhost-per-packet-ns"), p.get("cost.kvm.vhost-per-byte-ns"),
                p.get("cost.kvm.tap-per-packet-ns"), p.get("cost.kvm.bridge-per-packet-ns"),
                p.get("cost.kvm.backlog-per-packet-ns"),
                p.get("cost.kvm.virtio-rx-per-packet-ns"), p.get("cost.kvm.virtio-tx-per-packet-ns"),
                (int) p.get("kvm.vring-size"), (int) p.get("kvm.tap-queue-packets"),
                (int) p.get("kvm.vhost-weight-bytes"), (int) p.get("kvm.napi-weight"));
    }
}
