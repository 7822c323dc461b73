package org.vnetlab.sim.param;

import org.vnetlab.config.ConfigError;
import org.vnetlab.core.model.ModelParameters;

/**
 * What Linux containers add to the host kernel's costs (model.cost.container.*) and the limits of
 * the per-CPU backlogs their veth pairs queue on (model.container.*). Read once; see the
 * simulator's reference.conf for each one's source.
 *
 * @param veth          one end's veth_xmit: dev_forward_skb and netif_rx, ns at speed 1.0
 * @param backlog       the second receive pass, process_backlog and __netif_receive_skb
 * @param bridge        the host's bridge between the NIC and the veths
 * @param route         the host's routing between the NIC and the veths
 * @param namespace     a namespace's own stack work per packet, each way
 * @param backlogFrames frames one CPU's backlog holds (netdev_max_backlog)
 * @param backlogWeight frames one poll of a backlog takes (weight_p)
 */
public record ContainerCosts(double veth, double backlog, double bridge, double route, double namespace,
                             int backlogFrames, int backlogWeight) {

    public ContainerCosts {
        if (backlogFrames < 1 || backlogWeight < 1) {
            throw new ConfigError("model.container.backlog-packets and model.container.backlog-weight must be at"
                    + " least 1, got " + backlogFrames + " and " + backlogWeight);
        }
    }

    public static ContainerCosts of(ModelParameters p) {
        return new ContainerCosts(p.get("cost.container.veth-per-packet-ns"),
                p.get("cost.container.backlog-per-packet-ns"), p.get("cost.container.bridge-per-packet-ns"),
                p.get("cost.container.route-per-packet-ns"), p.get("cost.container.namespace-per-packet-ns"),
                (int) p.get("container.backlog-packets"), (int) p.get("container.backlog-weight"));
    }
}
