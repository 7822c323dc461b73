package org.vnetlab.live.control;

/** The states of a control session, numbered as the protocol's documentation and the logs name them. */
public enum SessionState {
    AWAIT_REQUEST(1),
    ACCEPTED(2),
    RUNNING(3);

    private final int number;

    SessionState(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    @Override
    public String toString() {
        return number + " " + name();
    }
}
