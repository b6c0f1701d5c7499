package org.switchboard.channels.email.boundary;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.control.ChannelService.ChannelRef;
import org.switchboard.channels.email.control.EmailChannelService;
import org.switchboard.channels.email.control.MailIntake;
import org.switchboard.inbound.boundary.SubmissionResponse;
import org.switchboard.platform.rest.ApiException;
import org.switchboard.platform.rest.LimitedBody;
import org.switchboard.platform.rest.RequestBodies;

/**
 * {@code POST /api/v1/inbound/email/{channelKey}}: raw mail ({@code message/rfc822}) piped in by
 * the company's MTA, authenticated by the channel's inbound token ({@code Authorization: Bearer}),
 * not by a user. Journaled, then processed like fetched mail; 202, or 200 for a repeat.
 */
@Path("v1/inbound/email/{channelKey}")
@RequestScoped
public class ForwardedMailResource {

    @Inject
    ChannelService channels;

    @Inject
    EmailChannelService email;

    @Inject
    MailIntake intake;

    @Inject
    @ConfigProperty(name = "switchboard.email.max-message-bytes", defaultValue = "52428800")
    int maxMessageBytes;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("channelKey") String channelKey, @HeaderParam("Authorization") String authorization,
                            @HeaderParam("Content-Type") String contentType, InputStream body) throws IOException {
        ChannelRef channel = channels.byPublicKey(channelKey)
                .filter(c -> email.account(c.id()) != null)
                .orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No email channel with key " + channelKey));
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
        if (!email.acceptsInboundToken(channel.id(), token)) {
            throw new ApiException(Response.Status.UNAUTHORIZED, "Send the channel's inbound token: Authorization: Bearer <token>.");
        }
        if (!channel.enabled()) {
            throw new ApiException(Response.Status.CONFLICT, "Channel " + channel.name() + " is disabled.");
        }
        RequestBodies.requireMediaType(contentType, "message/rfc822", "Send the mail as message/rfc822.");
        byte[] raw = LimitedBody.read(body, maxMessageBytes);
        if (raw.length == 0) {
            throw new ApiException(Response.Status.BAD_REQUEST, "The body is empty; send the raw mail.");
        }
        return SubmissionResponse.of(intake.submit(channel.id(), raw));
    }
}
