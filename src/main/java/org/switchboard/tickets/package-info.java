/** Tickets: the unit of work in the help desk, with their stage, priority, owner and timeline. */
package org.switchboard.tickets;
