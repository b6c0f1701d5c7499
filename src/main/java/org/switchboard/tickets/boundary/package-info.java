/** Faces helpers for tickets shown on any page: the timeline in the viewer's language. */
package org.switchboard.tickets.boundary;
