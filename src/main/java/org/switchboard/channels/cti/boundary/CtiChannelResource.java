package org.switchboard.channels.cti.boundary;

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

import org.switchboard.channels.cti.control.CtiChannelService;
import org.switchboard.channels.cti.control.CtiDtos.CtiRequest;
import org.switchboard.channels.cti.control.CtiDtos.CtiView;
import org.switchboard.platform.rest.ApiException;

/** {@code /api/v1/channels/{id}/cti}: a phone system channel's settings and webhook URL (admin). */
@Path("v1/channels/{id}/cti")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CtiChannelResource {

    @Inject
    CtiChannelService cti;

    @GET
    public CtiView get(@PathParam("id") long id) {
        return cti.get(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No phone system channel " + id));
    }

    @PUT
    public CtiView save(@PathParam("id") long id, @NotNull @Valid CtiRequest request) {
        get(id);
        return cti.save(id, request);
    }

    /** A new token: the webhook URL changes and the old one stops working at once. */
    @POST
    @Path("token")
    public CtiView renewToken(@PathParam("id") long id) {
        get(id);
        return cti.renewToken(id);
    }
}
