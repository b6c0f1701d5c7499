package org.switchboard.identity.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.switchboard.identity.control.Accounts;
import org.switchboard.identity.control.Caller;

/**
 * The one authentication mechanism (Jakarta Security 3 allows one per application):
 * <ul>
 * <li>pages: sign-in through the Faces login page, remembered in the HTTP session, whose id is
 * changed at sign-in; a protected page without a session redirects to the sign-in page;</li>
 * <li>{@code /api/*}: stateless; {@code Authorization: Bearer} API tokens, and HTTP Basic only to
 * mint a token; no cookies, so no cross-site request forgery.</li>
 * </ul>
 */
@ApplicationScoped
public class SwitchboardAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "org.switchboard.signedInUser";
    public static final String SESSION_RETURN_TO = "org.switchboard.returnTo";
    static final String LOGIN_PAGE = "/login.xhtml";
    static final String TOKEN_MINTING_PATH = "/api/v1/api-tokens";
    /**
     * Channel connectors' own endpoints authenticate their source themselves (a channel's inbound
     * token, a provider's signature on the raw body, a verification handshake): by rule, every
     * path under these prefixes; no list of kinds here. web.xml opens the same prefixes.
     */
    static final java.util.List<String> CONNECTOR_PATHS = java.util.List.of("/api/v1/inbound/", "/webhooks/");

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    /** The client's address, looked through trusted balancers, so the throttle keys on clients, not on the balancer. */
    @Inject
    org.switchboard.platform.http.ClientAddresses clients;

    @Inject
    Accounts accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = pathOf(request);
        if (hasDotSegments(path)) {
            // decide on the path as written: "/api/v1/inbound/x/../../v1/users" must not pass as a connector path
            return notFound(response);
        }
        if (CONNECTOR_PATHS.stream().anyMatch(path::startsWith)) {
            return context.doNothing();
        }
        if (path.startsWith("/api/")) {
            return validateApiRequest(request, response, context, path);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return signIn(request, context, password);
        }
        Optional<Caller> caller = sessionCaller(request);
        if (caller.isPresent()) {
            return context.notifyContainerAboutLogin(caller.get().username(), caller.get().groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        rememberReturnAddress(request, path);
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        String address = clients.of(request);
        if (!throttle.awaitTurn(address, username)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(address, username);
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.succeeded(address, username);
        // A new session id at sign-in: an id planted before sign-in is worthless afterwards.
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
        return context.notifyContainerAboutLogin(result);
    }

    private Optional<Caller> sessionCaller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object username = session == null ? null : session.getAttribute(SESSION_USER);
        if (!(username instanceof String name)) {
            return Optional.empty();
        }
        Optional<Caller> caller = accounts.currentCaller(name);
        if (caller.isEmpty()) {
            session.invalidate(); // deactivated since sign-in
        }
        return caller;
    }

    private static void rememberReturnAddress(HttpServletRequest request, String path) {
        if ("GET".equals(request.getMethod()) && !path.startsWith("/jakarta.faces.resource/")) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(SESSION_RETURN_TO, path + (query == null ? "" : "?" + query));
        }
    }

    private AuthenticationStatus validateApiRequest(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context, String path) {
        String authorization = request.getHeader("Authorization");
        Credential credential = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            credential = new ApiTokenCredential(authorization.substring(7).trim());
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && path.startsWith(TOKEN_MINTING_PATH)) {
            credential = basicCredential(authorization.substring(6).trim());
            if (credential != null && !throttle.awaitTurn(clients.of(request), ((UsernamePasswordCredential) credential).getCaller())) {
                return unauthorized(response, "The credentials are not valid.");
            }
        }
        if (credential == null) {
            return context.isProtected() ? unauthorized(response, "Send an API token: Authorization: Bearer <token>.") : context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            if (credential instanceof UsernamePasswordCredential basic) {
                throttle.failed(clients.of(request), basic.getCaller());
            }
            return unauthorized(response, "The credentials are not valid.");
        }
        if (credential instanceof UsernamePasswordCredential basic) {
            throttle.succeeded(clients.of(request), basic.getCaller());
        }
        return context.notifyContainerAboutLogin(result);
    }

    private static UsernamePasswordCredential basicCredential(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"switchboard\"");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write("{\"status\":401,\"error\":\"unauthorized\",\"message\":\"" + message + "\"}");
        } catch (IOException clientGone) {
            // nothing to tell a client that left
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A "." or ".." segment, also percent-encoded: such an address names no resource here. */
    static boolean hasDotSegments(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static AuthenticationStatus notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write("{\"status\":404,\"error\":\"not_found\",\"message\":\"No resource at this address.\"}");
        } catch (IOException clientGone) {
            // nothing to tell a client that left
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }
}
