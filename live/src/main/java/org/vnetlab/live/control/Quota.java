package org.vnetlab.live.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Places shared by all clients with a cap per client address: control connections, test slots.
 * An IPv6 client is its /64, since whoever holds one address of a /64 usually holds them all.
 */
final class Quota {

    /** Why a place was not given. */
    enum Refusal {
        /** Every place is taken. */
        FULL,
        /** The client's address holds its share. */
        ADDRESS_FULL
    }

    private final int total;
    private final int perAddress;
    private final Map<Object, Integer> held = new HashMap<>();
    private int inUse;

    Quota(int total, int perAddress) {
        this.total = total;
        this.perAddress = perAddress;
    }

    /** Takes a place for {@code client}: null when given, else why not. */
    synchronized Refusal take(InetAddress client) {
        if (inUse >= total) {
            return Refusal.FULL;
        }
        Object key = key(client);
        int mine = held.getOrDefault(key, 0);
        if (mine >= perAddress) {
            return Refusal.ADDRESS_FULL;
        }
        held.put(key, mine + 1);
        inUse++;
        return null;
    }

    /** Gives back a place {@link #take} gave {@code client}. */
    synchronized void release(InetAddress client) {
        Object key = key(client);
        int mine = held.getOrDefault(key, 0);
        if (mine <= 0) {
            throw new IllegalStateException("no place held for " + client);
        }
        if (mine == 1) {
            held.remove(key);
        } else {
            held.put(key, mine - 1);
        }
        inUse--;
    }

    synchronized int inUse() {
        return inUse;
    }

    int total() {
        return total;
    }

    int perAddress() {
        return perAddress;
    }

    /** The address, or an IPv6 address's /64 prefix. */
    private static Object key(InetAddress a) {
        return a instanceof Inet6Address ? ByteBuffer.wrap(a.getAddress(), 0, 8).getLong() : a;
    }
}
