package org.switchboard.channels.entity;

/** "Assign incoming tickets to". */
public enum RoutingMode {
    NO_ONE, USERS_AND_TEAMS, CONTACT_OWNER
}
