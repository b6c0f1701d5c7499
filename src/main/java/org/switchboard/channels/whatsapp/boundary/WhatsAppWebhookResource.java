package org.switchboard.channels.whatsapp.boundary;


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
import org.switchboard.channels.meta.MetaWebhooks;
import org.switchboard.channels.whatsapp.control.WhatsAppChannelService;
import org.switchboard.channels.whatsapp.control.WhatsAppWebhook;
import org.switchboard.channels.whatsapp.control.WhatsAppWebhook.Taken;

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
        return MetaWebhooks.handshake(mode, challenge, channels.verifyTokenKnown(token), "WhatsApp");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Taken receive(byte[] raw, @HeaderParam(MetaSignature.HEADER) String signature) {
        try {
            return webhook.receive(raw == null ? new byte[0] : raw, signature);
        } catch (MetaWebhooks.Refused refused) {
            throw refused.asApiError();
        }
    }
}
