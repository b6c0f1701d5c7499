package org.switchboard.channels.chat.boundary;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.chat.control.ChatBotPreview;
import org.switchboard.channels.chat.control.ChatChannelService;
import org.switchboard.channels.chat.control.ChatFlow;
import org.switchboard.channels.chat.control.ChatDtos.ChatRequest;
import org.switchboard.channels.chat.control.ChatDtos.ChatView;
import org.switchboard.platform.rest.ApiException;

/**
 * {@code /api/v1/channels/{id}/chat}: a chat channel's appearance, identity verification and consent;
 * {@code POST …/identity-secret} makes a new identity secret (shown once, in that answer only).
 */
@Path("v1/channels/{id}/chat")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatChannelResource {

    @Inject
    ChatChannelService chat;

    @GET
    public ChatView get(@PathParam("id") long id) {
        return chat.get(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No chat channel " + id));
    }

    @PUT
    public ChatView save(@PathParam("id") long id, @NotNull @Valid ChatRequest request) {
        return chat.save(id, request);
    }

    /** The channel's bot flow; 404 when the channel is live chat only. */
    @GET
    @Path("bot")
    public ChatFlow bot(@PathParam("id") long id) {
        requireChat(id);
        return chat.bot(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "Chat channel " + id + " has no bot"));
    }

    /** Gives the channel a bot (replacing its flow); 400 names the step and part that cannot work. */
    @PUT
    @Path("bot")
    public ChatFlow saveBot(@PathParam("id") long id, @NotNull ChatFlow flow) {
        requireChat(id);
        return chat.saveBot(id, flow);
    }

    /** Live chat only from now on; 404 when there was no bot. */
    @DELETE
    @Path("bot")
    public Response removeBot(@PathParam("id") long id) {
        requireChat(id);
        if (!chat.removeBot(id)) {
            throw new ApiException(Response.Status.NOT_FOUND, "Chat channel " + id + " has no bot");
        }
        return Response.noContent().build();
    }

    /** A flow tried with answers, as visitors would meet it; nothing is stored. */
    public record PreviewRequest(@NotNull ChatFlow flow, String language, List<String> answers) {
    }

    @POST
    @Path("bot/preview")
    public ChatBotPreview.Transcript preview(@PathParam("id") long id, @NotNull PreviewRequest request) {
        requireChat(id);
        return ChatBotPreview.run(request.flow().checked(), "fi".equals(request.language()) ? "fi" : "en", request.answers());
    }

    private void requireChat(long id) {
        if (chat.get(id).isEmpty()) {
            throw new ApiException(Response.Status.NOT_FOUND, "No chat channel " + id);
        }
    }

    @POST
    @Path("identity-secret")
    public ChatView rotateIdentitySecret(@PathParam("id") long id) {
        return chat.rotateIdentitySecret(id);
    }
}
