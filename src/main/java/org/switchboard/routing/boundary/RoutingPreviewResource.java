package org.switchboard.routing.boundary;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.control.ChannelDtos.RoutingDto;
import org.switchboard.platform.rest.ApiException;
import org.switchboard.routing.control.RoutingPreview;
import org.switchboard.routing.control.RoutingPreview.PreviewRow;

/** {@code POST /api/v1/channels/{id}/routing-preview?last=N}, body a draft routing rule: who it would choose for each recent ticket; nothing is saved. */
@Path("v1/channels/{id}/routing-preview")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingPreviewResource {

    @Inject
    RoutingPreview previews;

    @POST
    public List<PreviewRow> preview(@PathParam("id") long id, @QueryParam("last") @DefaultValue("20") int last, @Valid RoutingDto draft) {
        return previews.preview(id, draft, last).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No channel " + id));
    }
}
