/** Ticket services: numbering, creation from channel defaults, updates, replies and notes, queries. */
package org.switchboard.tickets.control;
