package org.switchboard.channels.connector;

/** A channel's connection as the channel list shows it: its state and one line of detail (an address, the last error). */
public record Connection(State state, String detail) {

    public enum State {
        CONNECTED, NOT_CONNECTED, ERROR
    }

    public static Connection connected(String detail) {
        return new Connection(State.CONNECTED, detail);
    }

    public static Connection notConnected(String detail) {
        return new Connection(State.NOT_CONNECTED, detail);
    }

    public static Connection error(String detail) {
        return new Connection(State.ERROR, detail);
    }
}
