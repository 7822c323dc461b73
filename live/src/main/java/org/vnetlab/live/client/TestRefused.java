package org.vnetlab.live.client;

/** The server said no to the test it was asked for (a limit, a wrong family, the wrong kind of server). */
public final class TestRefused extends MeasureException {

    public TestRefused(String message) {
        super(message);
    }
}
