package org.switchboard.outbound.boundary;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.control.ChannelService.ChannelRef;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.outbound.control.DeliveryStatuses;
import org.switchboard.platform.rest.ApiException;
import org.switchboard.platform.validation.OneLine;

/**
 * {@code POST /api/v1/channels/{channelKey}/messages/{messageId}/status}
 * {@code {"state": "DELIVERED"|"READ"|"FAILED", "error"?, "externalId"?}} → 204: a receiver reports
 * what became of a message we sent it. Repeats and late statuses are accepted and change nothing.
 */
@Path("v1/channels/{channelKey}/messages/{messageId}/status")
@ApplicationScoped
@RolesAllowed({"admin", "agent", "operator"})
public class DeliveryStatusResource {

    @Inject
    ChannelService channels;

    @Inject
    DeliveryStatuses statuses;

    /** What a receiver reports; {@code externalId} is its own id for the message. */
    public record StatusReport(@NotNull @Pattern(regexp = "DELIVERED|READ|FAILED", message = "must be DELIVERED, READ or FAILED") String state,
                               @Size(max = 2000) @OneLine String error, @Size(max = 500) @OneLine String externalId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("channelKey") String channelKey, @PathParam("messageId") long messageId,
                           @NotNull @Valid StatusReport report) {
        ChannelRef channel = channels.requireByPublicKey(channelKey);
        String externalId = report.externalId() == null || report.externalId().isBlank() ? null : report.externalId().strip();
        DeliveryStatuses.Result result = statuses.record(channel.id(), messageId, DeliveryState.valueOf(report.state()),
                report.error(), externalId);
        if (result == DeliveryStatuses.Result.UNKNOWN) {
            throw new ApiException(Response.Status.NOT_FOUND, "No message " + messageId + " sent on this channel");
        }
        if (result == DeliveryStatuses.Result.ID_TAKEN) {
            throw new ApiException(Response.Status.CONFLICT, "externalId " + externalId + " already names another message of this channel",
                    List.of("externalId"));
        }
        return Response.noContent().build();
    }
}
