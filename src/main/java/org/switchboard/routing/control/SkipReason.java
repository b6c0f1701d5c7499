package org.switchboard.routing.control;

/** Why a candidate was not chosen; the timeline shows it next to the agent's name ({@code routing.skip.*} texts). */
public enum SkipReason {
    INACTIVE, NO_SEAT, AWAY, ON_A_CALL, NOT_IN_TEAM, MISSING_SKILL, AT_CAPACITY
}
