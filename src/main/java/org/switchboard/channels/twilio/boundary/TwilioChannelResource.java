package org.switchboard.channels.twilio.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.twilio.control.TwilioChannelService;
import org.switchboard.channels.twilio.control.TwilioDtos.TwilioRequest;
import org.switchboard.channels.twilio.control.TwilioDtos.TwilioView;
import org.switchboard.platform.rest.ApiException;

/** {@code /api/v1/channels/{id}/twilio}: a Twilio voice channel's account, number and voicemail (admin); the auth token goes in, never out. */
@Path("v1/channels/{id}/twilio")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TwilioChannelResource {

    @Inject
    TwilioChannelService twilio;

    @GET
    public TwilioView get(@PathParam("id") long id) {
        return twilio.get(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No Twilio channel " + id));
    }

    @PUT
    public TwilioView save(@PathParam("id") long id, @NotNull @Valid TwilioRequest request) {
        get(id);
        return twilio.save(id, request);
    }
}
