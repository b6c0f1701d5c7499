package org.switchboard.identity.entity;

import java.util.Locale;

/** Roles; their lower-case names are the security groups and the roles in web.xml. */
public enum Role {
    ADMIN, AGENT, OPERATOR;

    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
