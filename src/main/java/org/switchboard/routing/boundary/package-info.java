/** Triggers of the routing backlog drain. */
package org.switchboard.routing.boundary;
