package org.vnetlab.live.testbed;

/** The testbed could not be made or changed; one line saying which command failed and why. */
public class TestbedException extends RuntimeException {

    public TestbedException(String message) {
        super(message, null, false, false);
    }
}
