package org.switchboard.channels.whatsapp.boundary;

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

import org.switchboard.channels.whatsapp.control.WhatsAppChannelService;
import org.switchboard.channels.whatsapp.control.WhatsAppTemplates;
import org.switchboard.channels.whatsapp.control.WhatsAppDtos.WhatsAppRequest;
import org.switchboard.channels.whatsapp.control.WhatsAppDtos.WhatsAppView;
import org.switchboard.platform.rest.ApiException;

/** {@code /api/v1/channels/{id}/whatsapp}: a WhatsApp channel's connection to Meta (admin); secrets go in, never out. */
@Path("v1/channels/{id}/whatsapp")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WhatsAppChannelResource {

    @Inject
    WhatsAppChannelService whatsApp;

    @Inject
    WhatsAppTemplates templates;

    @GET
    public WhatsAppView get(@PathParam("id") long id) {
        return whatsApp.get(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No WhatsApp channel " + id));
    }

    /** Reads the account's approved templates from Meta now (WhatsApp Manager → Message templates). */
    @jakarta.ws.rs.POST
    @Path("templates/sync")
    public WhatsAppView syncTemplates(@PathParam("id") long id) {
        whatsApp.get(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No WhatsApp channel " + id));
        try {
            return templates.sync(id);
        } catch (WhatsAppTemplates.SyncFailed failed) {
            throw new ApiException(Response.Status.BAD_GATEWAY, failed.getMessage());
        }
    }

    @PUT
    public WhatsAppView connect(@PathParam("id") long id, @NotNull @Valid WhatsAppRequest request) {
        return whatsApp.connect(id, request);
    }
}
