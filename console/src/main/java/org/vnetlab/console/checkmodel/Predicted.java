package org.vnetlab.console.checkmodel;

/**
 * What the model gives for one configuration, each the median over the effort's trials: the
 * throughput summed over the containers (Mbit/s); the CPU of a container's processes (the mean
 * over the containers, percent of one CPU), as a cgroup accounts it; and the host kernel's
 * softirq work (driver, bridge, backlog passes) per container, which the model books to the
 * {@code host} domain.
 */
record Predicted(double throughput, double cpuPerContainer, double softirqPerContainer) {
}
