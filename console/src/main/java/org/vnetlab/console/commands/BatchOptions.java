package org.vnetlab.console.commands;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command's batch of runs is made, last in its help: the run cache, on this machine or a
 * cluster, and whether a progress bar is drawn (sim, whatif, sensitivity, reproduce).
 */
final class BatchOptions {

    @Mixin
    CacheOptions cacheOptions;

    @Mixin
    CoordinatorOptions cluster;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;
}
