/**
 * Routing: who gets a new ticket. A pure decision ({@code RoutingEngine}) over snapshots of the
 * candidates, and a transactional step that locks the ticket and the chosen agent so no ticket is
 * assigned twice and no agent goes over capacity, with any number of instances.
 */
package org.switchboard.routing;
