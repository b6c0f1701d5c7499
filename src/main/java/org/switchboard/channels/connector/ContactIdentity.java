package org.switchboard.channels.connector;

/** How a kind of channel knows the people who write in. */
public enum ContactIdentity {
    /** An email address (team email, forms). */
    EMAIL,
    /** A phone number in E.164 (WhatsApp, calling). */
    PHONE,
    /** An id the provider gives the user (a Messenger page-scoped id, a custom channel's user id). */
    EXTERNAL_USER_ID
}
