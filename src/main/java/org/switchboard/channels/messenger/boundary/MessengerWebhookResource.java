package org.switchboard.channels.messenger.boundary;

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

import org.switchboard.channels.messenger.control.MessengerChannelService;
import org.switchboard.channels.messenger.control.MessengerWebhook;
import org.switchboard.channels.messenger.control.MessengerWebhook.Taken;
import org.switchboard.channels.meta.MetaSignature;
import org.switchboard.channels.meta.MetaWebhooks;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.platform.rest.ApiException;

/**
 * Meta's Messenger webhook, {@code /api/v1/inbound/messenger} — the Meta app's callback URL for
 * pages. {@code GET}: the subscription handshake: the challenge as plain text when the verify token
 * is a Messenger channel's, otherwise 403. {@code POST}: events, signed ({@value MetaSignature#HEADER});
 * the body is read as raw bytes so the signature is checked on exactly what Meta signed.
 */
@Path("v1/inbound/messenger")
@ApplicationScoped
public class MessengerWebhookResource {

    @Inject
    MessengerChannelService channels;

    @Inject
    MessengerWebhook webhook;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        return MetaWebhooks.handshake(mode, challenge, channels.verifyTokenKnown(token), "Messenger");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Taken receive(byte[] raw, @HeaderParam(MetaSignature.HEADER) String signature) {
        try {
            return webhook.receive(raw == null ? new byte[0] : raw, signature);
        } catch (MetaWebhooks.Refused refused) {
            throw refused.asApiError();
        } catch (InvalidPayloadException invalid) {
            throw new ApiException(Response.Status.BAD_REQUEST, invalid.getMessage(),
                    invalid.field() == null ? List.of() : List.of("messaging[]." + invalid.field()));
        }
    }
}
