package org.switchboard.channels.custom.boundary;

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

import org.switchboard.channels.custom.control.CustomChannelService;
import org.switchboard.channels.custom.control.CustomDtos.CustomRequest;
import org.switchboard.channels.custom.control.CustomDtos.CustomView;
import org.switchboard.channels.custom.control.CustomDtos.SecretView;
import org.switchboard.platform.rest.ApiException;

/**
 * {@code /api/v1/channels/{id}/custom}: a custom channel's webhook for replies, what it carries, its
 * contact identity; {@code POST …/secret} rotates the signing secret (shown once).
 */
@Path("v1/channels/{id}/custom")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomChannelResource {

    @Inject
    CustomChannelService custom;

    @GET
    public CustomView get(@PathParam("id") long id) {
        return custom.get(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No custom channel " + id));
    }

    @PUT
    public CustomView connect(@PathParam("id") long id, @NotNull @Valid CustomRequest request) {
        return custom.connect(id, request);
    }

    @POST
    @Path("secret")
    public SecretView rotateSecret(@PathParam("id") long id) {
        return custom.rotateSecret(id);
    }
}
