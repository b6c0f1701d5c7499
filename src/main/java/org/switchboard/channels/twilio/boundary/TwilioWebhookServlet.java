package org.switchboard.channels.twilio.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.twilio.control.TwilioSignature;
import org.switchboard.channels.twilio.control.TwilioVoice;
import org.switchboard.platform.json.Jsonp;

/**
 * {@code POST /webhooks/twilio/{key}/{hook}} — the URLs a Twilio number is given ("A call comes in":
 * {@code voice}; "Call status changes": {@code status}) and the ones Switchboard's TwiML names (dial,
 * agent, recording, …). TwiML answers are {@code text/xml}; refusals are JSON with the status, a
 * message and the field at fault.
 */
@WebServlet("/webhooks/twilio/*")
public class TwilioWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TwilioWebhookServlet.class.getName());
    private static final int MAX_BYTES = 64 * 1024;

    @Inject
    transient TwilioVoice voice;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            error(response, 404, "Post to /webhooks/twilio/{key}/voice or …/status: the URLs on the channel's page", null);
            return;
        }
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(MAX_BYTES + 1);
        }
        if (raw.length > MAX_BYTES) {
            error(response, 413, "A Twilio request is at most " + MAX_BYTES + " bytes", null);
            return;
        }
        try {
            String twiml = voice.receive(parts[0], parts[1], request.getQueryString(), request.getContentType(), raw,
                    request.getHeader(TwilioSignature.HEADER));
            response.setStatus(200);
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write(twiml);
        } catch (TwilioVoice.Refused refused) {
            error(response, refused.status(), refused.getMessage(), refused.field());
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "A Twilio request could not be stored", failed);
            error(response, 503, "The request could not be stored just now; Twilio sends it again", null);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        error(response, 405, "Twilio's requests to Switchboard are POSTs (set the URLs to HTTP POST in Twilio's console)", null);
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
