package org.vnetlab.core.model;

import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The model's calibration parameters by name (CPU costs, ring sizes, scheduler knobs), with
 * their unit in the name (e.g. {@code xen.netback.per-packet-ns}). Immutable and sorted, so a
 * parameter set prints and hashes the same way every time.
 */
public record ModelParameters(SortedMap<String, Double> values) {

    public ModelParameters {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new NoSuchElementException("no model parameter named '" + name + "'");
        }
        return v;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A copy with some values replaced; every name must already exist. */
    public ModelParameters with(Map<String, Double> changes) {
        TreeMap<String, Double> copy = new TreeMap<>(values);
        changes.forEach((k, v) -> {
            if (!copy.containsKey(k)) {
                throw new NoSuchElementException("no model parameter named '" + k + "'");
            }
            copy.put(k, v);
        });
        return new ModelParameters(copy);
    }
}
