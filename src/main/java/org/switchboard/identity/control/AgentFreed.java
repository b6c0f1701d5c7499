package org.switchboard.identity.control;

/** CDI event: an agent may take more tickets now (became available, closed or handed off a ticket, got more capacity). */
public record AgentFreed(long userId) {
}
