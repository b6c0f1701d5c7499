package org.switchboard.inbound.control;

/**
 * A payload that can never become a message as it is. At the API edge it is a 400 naming the
 * field; found later (e.g. a stored payload), it quarantines the item with this reason.
 */
public class InvalidPayloadException extends RuntimeException {

    private final String field;

    public InvalidPayloadException(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    /** The offending field, or null when the payload as a whole is bad. */
    public String field() {
        return field;
    }
}
