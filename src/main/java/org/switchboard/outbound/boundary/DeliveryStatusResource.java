package org.switchboard.outbound.boundary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
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
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.outbound.control.DeliveryStatuses;
import org.switchboard.platform.rest.ApiException;
import org.switchboard.platform.rest.JsonNesting;
import org.switchboard.platform.rest.LimitedBody;
import org.switchboard.platform.rest.RequestBodies;

/**
 * {@code POST /api/v1/channels/{channelKey}/messages/{messageId}/status}
 * {@code {"state": "DELIVERED"|"READ"|"FAILED", "error"?, "externalId"?}} → 204: a receiver reports
 * what became of a message we sent it. Repeats and late statuses are accepted and change nothing.
 */
@Path("v1/channels/{channelKey}/messages/{messageId}/status")
@ApplicationScoped
@RolesAllowed({"admin", "agent", "operator"})
public class DeliveryStatusResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Set<String> STATES = Set.of("DELIVERED", "READ", "FAILED");

    @Inject
    ChannelService channels;

    @Inject
    DeliveryStatuses statuses;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("channelKey") String channelKey, @PathParam("messageId") String messageId,
                           @HeaderParam("Content-Type") String contentType, InputStream body) throws IOException {
        ChannelRef channel = channels.byPublicKey(channelKey)
                .orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No channel with key " + channelKey));
        long id;
        try {
            id = Long.parseLong(messageId);
        } catch (NumberFormatException notAnId) {
            throw new ApiException(Response.Status.NOT_FOUND, "No message " + messageId + " on this channel");
        }
        RequestBodies.requireMediaType(contentType, MediaType.APPLICATION_JSON, "Send the status as application/json.");
        byte[] raw = RequestBodies.utf8(contentType, LimitedBody.read(body, 16 * 1024));
        JsonNesting.check(raw);
        JsonObject json = object(raw);
        String state = text(json, "state", 20);
        if (state == null || !STATES.contains(state)) {
            throw invalid("state", "must be DELIVERED, READ or FAILED");
        }
        String error = text(json, "error", 2000);
        String externalId = text(json, "externalId", 500);
        DeliveryStatuses.Result result = statuses.record(channel.id(), id, DeliveryState.valueOf(state), error, externalId);
        if (result == DeliveryStatuses.Result.UNKNOWN) {
            throw new ApiException(Response.Status.NOT_FOUND, "No message " + messageId + " sent on this channel");
        }
        if (result == DeliveryStatuses.Result.ID_TAKEN) {
            throw new ApiException(Response.Status.CONFLICT, "externalId " + externalId + " already names another message of this channel",
                    List.of("externalId"));
        }
        return Response.noContent().build();
    }

    private static JsonObject object(byte[] raw) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(raw))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(null, "the body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw invalid(null, "the body is not valid JSON");
        }
    }

    private static String text(JsonObject json, String field, int max) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw invalid(field, "must be a string");
        }
        String text = string.getString().strip();
        if (text.length() > max) {
            throw invalid(field, "must be at most " + max + " characters");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw invalid(field, "must be one line without control characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static ApiException invalid(String field, String problem) {
        return new ApiException(Response.Status.BAD_REQUEST, (field == null ? "" : field + ": ") + problem, field == null ? List.of() : List.of(field));
    }
}
