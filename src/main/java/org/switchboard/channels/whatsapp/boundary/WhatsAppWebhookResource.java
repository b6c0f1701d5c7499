package org.switchboard.channels.whatsapp.boundary;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.meta.MetaSignature;
import org.switchboard.channels.whatsapp.control.WhatsAppChannelService;
import org.switchboard.channels.whatsapp.control.WhatsAppWebhook;
import org.switchboard.channels.whatsapp.control.WhatsAppWebhook.Taken;
import org.switchboard.platform.rest.ApiException;

/**
 * Meta's WhatsApp webhook, {@code /api/v1/inbound/whatsapp} — the callback URL of the Meta app.
 * {@code GET}: the subscription handshake ({@code hub.mode=subscribe}, {@code hub.verify_token},
 * {@code hub.challenge}): the challenge as plain text when the token is a WhatsApp channel's,
 * otherwise 403. {@code POST}: events, signed ({@value MetaSignature#HEADER}); the body is read as
 * raw bytes so the signature is checked on exactly what Meta signed.
 */
@Path("v1/inbound/whatsapp")
@ApplicationScoped
public class WhatsAppWebhookResource {

    @Inject
    WhatsAppChannelService channels;

    @Inject
    WhatsAppWebhook webhook;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || challenge == null || challenge.length() > 200 || !channels.verifyTokenKnown(token)) {
            throw new ApiException(Response.Status.FORBIDDEN, "The verify token is no WhatsApp channel's");
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Taken receive(byte[] raw, @HeaderParam(MetaSignature.HEADER) String signature) {
        try {
            return webhook.receive(raw == null ? new byte[0] : raw, signature);
        } catch (WhatsAppWebhook.Refused refused) {
            throw new ApiException(Response.Status.fromStatusCode(refused.status()), refused.getMessage(),
                    refused.field() == null ? List.of() : List.of(refused.field()));
        }
    }
}
