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

    /** This page's address with its query, so a language change can show the same page again. */
    public String getCurrentPage() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            request.logout();
            external.invalidateSession();
        } finally {
            // signed out or not quite (a listener of the ending session failed, e.g. a live-update socket
            // closing at that moment), the user goes to the sign-in page and never sees an error instead
            external.redirect(request.getContextPath() + "/login.xhtml");
        }
    }
}
