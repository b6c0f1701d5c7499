package org.switchboard.identity.control;

import java.util.Set;

/** A signed-in user as the security layer needs it: the name and the role groups. */
public record Caller(String username, Set<String> groups) {
}
