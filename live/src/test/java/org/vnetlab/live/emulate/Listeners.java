package org.vnetlab.live.emulate;

/** Listeners for tests. */
final class Listeners {

    private Listeners() {
    }

    /** Ignores the seconds; prints a failure. */
    static Supervisor.Listener silent() {
        return new Supervisor.Listener() {
            @Override
            public void second(Counters c) {
            }

            @Override
            public void failed(String component, String message) {
                System.err.println(component + ": " + message);
            }
        };
    }
}
