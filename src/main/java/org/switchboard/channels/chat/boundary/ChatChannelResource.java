package org.switchboard.channels.chat.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.chat.control.ChatChannelService;
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

    @POST
    @Path("identity-secret")
    public ChatView rotateIdentitySecret(@PathParam("id") long id) {
        return chat.rotateIdentitySecret(id);
    }
}
