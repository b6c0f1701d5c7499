package org.switchboard.workspace.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

/**
 * The workspace is for agents and admins. web.xml cannot say so for "/" (the welcome page is
 * reached by a forward, which constraints do not see), so the workspace pages check it themselves.
 */
final class AgentsOnly {

    private AgentsOnly() {
    }

    static boolean allowed() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("agent") || external.isUserInRole("admin");
    }
}
