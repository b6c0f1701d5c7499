package org.switchboard.routing.control;

/** Why a candidate was not chosen; the timeline shows it next to the agent's name. */
public enum SkipReason {
    INACTIVE("deactivated"),
    NO_SEAT("no paid seat"),
    AWAY("away"),
    NOT_IN_TEAM("not in team"),
    MISSING_SKILL("missing skill"),
    AT_CAPACITY("at capacity");

    private final String text;

    SkipReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
