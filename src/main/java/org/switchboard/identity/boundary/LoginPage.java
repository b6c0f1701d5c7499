package org.switchboard.identity.boundary;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.switchboard.identity.security.SwitchboardAuthenticationMechanism;
import org.switchboard.platform.i18n.Texts;

/** The sign-in form. One generic message for every failure, so it reveals nothing about accounts. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private String username;
    private String password;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username == null ? "" : username, password == null ? "" : password))
                .newAuthentication(true));
        password = null;
        switch (status) {
            case SUCCESS -> external.redirect(request.getContextPath() + landing(request, returnAddress(request)));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get("login.failed"), null));
        }
    }

    /** Where the user was going before sign-in; only a path inside this application. */
    static String safeReturnAddress(Object saved) {
        if (saved instanceof String path && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && !path.startsWith("/login.xhtml")) {
            return path;
        }
        return "/";
    }

    /** An operator who is not also an agent starts in Operations: the workspace is not theirs. */
    private static String landing(HttpServletRequest request, String address) {
        boolean seesTickets = request.isUserInRole("agent") || request.isUserInRole("admin");
        return "/".equals(address) && !seesTickets && request.isUserInRole("operator") ? "/operations/imports.xhtml" : address;
    }

    private static String returnAddress(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "/";
        }
        Object saved = session.getAttribute(SwitchboardAuthenticationMechanism.SESSION_RETURN_TO);
        session.removeAttribute(SwitchboardAuthenticationMechanism.SESSION_RETURN_TO);
        return safeReturnAddress(saved);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
