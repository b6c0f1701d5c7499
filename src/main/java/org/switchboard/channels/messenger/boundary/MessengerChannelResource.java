package org.switchboard.channels.messenger.boundary;

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

import org.switchboard.channels.messenger.control.MessengerBehaviours;
import org.switchboard.channels.messenger.control.MessengerDtos.MessengerBehaviour;
import org.switchboard.channels.messenger.control.MessengerDtos.MessengerView;
import org.switchboard.channels.messenger.control.MessengerPages;
import org.switchboard.platform.rest.ApiException;

/**
 * {@code /api/v1/channels/{id}/messenger} (admin): the page a Messenger channel is connected to, and
 * what the page says by itself (greeting, instant reply, consent). Connecting a page needs Facebook
 * Login in a browser: Settings → Channels → Facebook Messenger.
 */
@Path("v1/channels/{id}/messenger")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessengerChannelResource {

    @Inject
    MessengerBehaviours behaviours;

    @GET
    public MessengerView get(@PathParam("id") long id) {
        return behaviours.view(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No Messenger channel " + id));
    }

    @PUT
    public MessengerView save(@PathParam("id") long id, @NotNull @Valid MessengerBehaviour behaviour) {
        behaviours.view(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No Messenger channel " + id));
        try {
            return behaviours.save(id, behaviour);
        } catch (MessengerPages.Refused refused) {
            throw new ApiException(Response.Status.BAD_GATEWAY, refused.getMessage());
        }
    }
}
