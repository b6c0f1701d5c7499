package org.switchboard.workspace.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /live/calls}: the calls ringing the signed-in agent now, as the JSON array a page shows on
 * loading. A page asks again the moment its push channel connects, so a call that began ringing
 * between the page being rendered and its channel being open is shown too, not only on the next page.
 */
@WebServlet("/live/calls")
public class RingingCallsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient IncomingCallNotices notices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole("agent") && !request.isUserInRole("admin")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        byte[] body = notices.currentFor(request.getRemoteUser()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
