package org.switchboard.tickets.entity;

/** Where a ticket came from; only CHANNEL tickets carry the channel's subject and thread. */
public enum TicketSource {
    CHANNEL, API, IMPORT, WORKFLOW, INTEGRATION
}
