package org.vnetlab.sim.kernel;

/** A run that kept firing events without virtual time advancing, stopped by the {@link Watchdog}. */
public final class LivelockException extends RuntimeException {

    public LivelockException(String message) {
        super(message);
    }
}
