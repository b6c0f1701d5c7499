package org.switchboard.tickets.entity;

/** Kinds of entries on a ticket's timeline. */
public enum TicketEventType {
    CREATED, MESSAGE_RECEIVED, MESSAGE_SENT, NOTE_ADDED, ASSIGNED, UNASSIGNED, ROUTING_WAITING,
    STAGE_CHANGED, PRIORITY_CHANGED, RENAMED, CLOSED, REOPENED, LINKED, BOUNCED, MESSAGE_FAILED,
    /** A channel's automation (a chat bot) answered, kept something the contact told it, or handed over. */
    AUTOMATED,
    /** Two contacts that were one person were merged: on the tickets of both. */
    CONTACT_MERGED,
    /** A call on the ticket's conversation was answered, missed, left a voicemail, failed or was closed by time. */
    CALL,
    /** A file a message named (a WhatsApp image) could not be fetched from the provider. */
    FILE_NOT_FETCHED
}
