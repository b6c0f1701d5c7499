package org.switchboard.channels.boundary;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.connector.ChannelConnectors;
import org.switchboard.channels.connector.ContactIdentity;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelDtos.RoutingDto;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.platform.rest.ApiException;

/** {@code /api/v1/channels}: admins create, read, update, enable and disable channels and preview routing. */
@Path("v1/channels")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelResource {

    @Inject
    ChannelService channels;

    @Inject
    ChannelConnectors connectors;

    @POST
    public Response create(@NotNull @Valid ChannelRequest request) {
        ChannelView created = channels.create(request);
        return Response.created(URI.create("v1/channels/" + created.id())).entity(created).build();
    }

    @GET
    public List<ChannelView> list() {
        return channels.list();
    }

    /** A kind of channel this build can connect: its name for {@code type}, and how it knows contacts. */
    public record KindView(String kind, ContactIdentity identity) {
    }

    /** The kinds this build has a connector for (the values {@code type} takes). */
    @GET
    @Path("kinds")
    public List<KindView> kinds() {
        return connectors.all().stream().map(c -> new KindView(c.kind(), c.identity())).toList();
    }

    @GET
    @Path("{id}")
    public ChannelView get(@PathParam("id") long id) {
        return channels.get(id).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("{id}")
    public ChannelView update(@PathParam("id") long id, @NotNull @Valid ChannelRequest request) {
        return channels.update(id, request).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/enable")
    public ChannelView enable(@PathParam("id") long id) {
        return channels.enable(id, true).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/disable")
    public ChannelView disable(@PathParam("id") long id) {
        return channels.enable(id, false).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(long id) {
        return new ApiException(Response.Status.NOT_FOUND, "No channel " + id);
    }
}
