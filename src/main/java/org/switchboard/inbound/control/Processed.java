package org.switchboard.inbound.control;

import org.switchboard.inbound.entity.InboundState;

/** The state an inbound item is in after a processing attempt, and what it became if processed. */
public record Processed(long itemId, InboundState state, IntakeResult result, String error) {

    public boolean done() {
        return state == InboundState.PROCESSED;
    }
}
