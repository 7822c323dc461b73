package org.vnetlab.sim.sensitivity;

import java.util.List;

/**
 * One key moved, alone, to each end of where its value plausibly lies, every other key at its
 * value: a one-at-a-time sensitivity of the prediction to what no fit pins.
 *
 * @param key   the key as {@code --set} takes it ({@code model.xen.vcpu-wake-ns}, {@code peer.cpu-speed})
 * @param low   the value at the low end, as {@code --set} takes it
 * @param high  the value at the high end
 * @param basis where the range comes from
 */
public record Variation(String key, String low, String high, String basis) {

    /** The override that puts the key at its low end. */
    public String lowSet() {
        return key + "=" + low;
    }

    /** The override that puts the key at its high end. */
    public String highSet() {
        return key + "=" + high;
    }

    /** Both ends' overrides, low first. */
    public List<String> sets() {
        return List.of(lowSet(), highSet());
    }
}
