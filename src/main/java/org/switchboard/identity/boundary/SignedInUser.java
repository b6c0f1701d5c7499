package org.switchboard.identity.boundary;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in user as pages see them: name, roles for the navigation, sign-out. */
@Named
@RequestScoped
public class SignedInUser {

    @Inject
    SecurityContext security;

    public String getUsername() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    public boolean isAdmin() {
        return security.isCallerInRole("admin");
    }

    public boolean isAgent() {
        return security.isCallerInRole("agent");
    }

    public boolean isOperator() {
        return security.isCallerInRole("operator");
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(request.getContextPath() + "/login.xhtml");
    }
}
