package org.switchboard.channels.cti.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.cti.control.CtiWebhook;
import org.switchboard.platform.json.Jsonp;

/**
 * {@code POST /webhooks/calls/{token}} — the URL a phone system is given (the shape of Zammad's generic
 * CTI endpoint: the token in the path is the authentication, since phone systems are configured with a
 * URL only). Every answer is JSON; refusals carry the status, a message and the field at fault.
 */
@WebServlet("/webhooks/calls/*")
public class CtiWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CtiWebhookServlet.class.getName());
    private static final int MAX_BYTES = 64 * 1024;

    @Inject
    transient CtiWebhook webhook;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String token = path == null || path.length() < 2 || path.indexOf('/', 1) >= 0 ? null : path.substring(1);
        if (token == null) {
            error(response, 404, "Post to /webhooks/calls/{token}: the URL on the channel's page in Settings → Channels", null);
            return;
        }
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(MAX_BYTES + 1);
        }
        if (raw.length > MAX_BYTES) {
            error(response, 413, "A call event is at most " + MAX_BYTES + " bytes", null);
            return;
        }
        try {
            JsonObject answer = webhook.receive(token, request.getContentType(), raw);
            response.setStatus(200);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(answer.toString());
        } catch (CtiWebhook.Refused refused) {
            error(response, refused.status(), refused.getMessage(), refused.field());
        } catch (RuntimeException failed) {
            // not journaled (the database could not take it): the phone system should send it again
            LOG.log(Level.WARNING, "A call event could not be stored", failed);
            error(response, 503, "The event could not be stored just now; send it again", null);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        error(response, 405, "Phone systems POST their call events here", null);
    }

    private static void error(HttpServletResponse response, int status, String message, String field) throws IOException {
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known != null ? known.getReasonPhrase() : status == 405 ? "Method Not Allowed" : "Error";
        var fields = Jsonp.arrayBuilder();
        if (field != null) {
            fields.add(field);
        }
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(Jsonp.objectBuilder().add("status", status).add("error", reason.toLowerCase().replace(' ', '_'))
                .add("message", message).add("fields", fields).build().toString());
    }
}
