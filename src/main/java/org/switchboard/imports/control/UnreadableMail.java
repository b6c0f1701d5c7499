package org.switchboard.imports.control;

/** A mail an import cannot take in; the job skips it, records the reason, and goes on. */
public class UnreadableMail extends Exception {

    private final String part;
    private final String position;

    public UnreadableMail(String part, String position, String reason) {
        super(reason);
        this.part = part;
        this.position = position;
    }

    public String part() {
        return part;
    }

    public String position() {
        return position;
    }
}
