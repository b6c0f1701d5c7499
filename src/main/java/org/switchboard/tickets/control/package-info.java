/** Ticket rules and making: numbering, creation from channel defaults and templates, reopen / follow-up / flood rules, activity events. */
package org.switchboard.tickets.control;
