package org.switchboard.contacts.control;

/** Who sent a message, as its channel identifies them; at least one identifying field is set. */
public record Sender(String email, String phone, String name, String externalUserId) {

    public boolean identified() {
        return email != null || phone != null || externalUserId != null;
    }
}
