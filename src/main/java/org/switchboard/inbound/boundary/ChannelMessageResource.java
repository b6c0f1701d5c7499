package org.switchboard.inbound.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.control.ChannelService.ChannelRef;
import org.switchboard.inbound.control.GenericMessageParser;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InboundPipeline;
import org.switchboard.inbound.control.InboundPipeline.Submission;
import org.switchboard.inbound.control.InboundSettings;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.platform.rest.ApiException;
import org.switchboard.platform.rest.JsonNesting;
import org.switchboard.platform.rest.LimitedBody;
import org.switchboard.platform.rest.RequestBodies;

/**
 * {@code POST /api/v1/channels/{channelKey}/messages}: the generic inbound endpoint for
 * integrations and custom channels. 202 with the ids of what the message became; the same
 * externalId again: 200 with the same ids. The raw body is journaled before processing.
 * Application-scoped: it holds no request state, and every inbound call would otherwise create it.
 */
@Path("v1/channels/{channelKey}/messages")
@ApplicationScoped
@RolesAllowed({"admin", "agent", "operator"})
public class ChannelMessageResource {

    @Inject
    ChannelService channels;

    @Inject
    GenericMessageParser parser;

    @Inject
    InboundPipeline pipeline;

    @Inject
    InboundSettings settings;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("channelKey") String channelKey, @HeaderParam("Content-Type") String contentType,
                            InputStream body) throws IOException {
        ChannelRef channel = channels.requireByPublicKey(channelKey);
        if (!channel.enabled()) {
            throw new ApiException(Response.Status.CONFLICT, "Channel " + channel.name() + " is disabled.");
        }
        RequestBodies.requireMediaType(contentType, MediaType.APPLICATION_JSON, "Send the message as application/json.");
        byte[] raw = RequestBodies.utf8(contentType, LimitedBody.read(body, settings.maxBodyBytes()));
        JsonNesting.check(raw);
        InboundMessage message;
        try {
            message = parser.parse(raw);
        } catch (InvalidPayloadException invalid) {
            throw new ApiException(Response.Status.BAD_REQUEST, invalid.getMessage(),
                    invalid.field() == null ? List.of() : List.of(invalid.field()));
        }
        Submission submission = pipeline.submit(channel.id(), message.externalId(), GenericMessageParser.CONTENT_TYPE, raw);
        return SubmissionResponse.of(submission);
    }
}
