package org.switchboard.channels.entity;

/** Where a channel's conversations go. */
public enum ChannelDestination {
    /** Every new conversation becomes a ticket. */
    HELP_DESK,
    /** Conversations without tickets, in a shared inbox; migrations move such channels to the help desk. */
    SHARED_INBOX
}
