package org.switchboard.platform.faces;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Content-Security-Policy and its companions on every response. Scripts, styles, fonts and
 * connections come from this site only (WebSocket push included); no plugins, no framing by other
 * sites, no base-URL or form-target hijacking. Images may come from anywhere because an agent can
 * choose to show a mail's remote images. Inline scripts stay allowed: Faces' Ajax engine and
 * PrimeFaces evaluate the scripts of partial responses, which a nonce cannot cover — the HTML
 * sanitizers stay the barrier against injected markup, and this policy stops anything loaded from
 * elsewhere. Responses that set their own policy (attachments) replace this one.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src * data:; font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
