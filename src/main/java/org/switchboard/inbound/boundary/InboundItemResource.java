package org.switchboard.inbound.boundary;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.inbound.control.InboundAdmin;
import org.switchboard.inbound.control.InboundAdmin.ItemView;
import org.switchboard.inbound.control.InboundPipeline;
import org.switchboard.inbound.control.Processed;
import org.switchboard.platform.rest.ApiException;

/**
 * {@code /api/v1/inbound-items} (admin): the journal's failed ({@code state=FAILED}: pending after
 * failed attempts) and quarantined items with their reasons; reprocess one or all.
 */
@Path("v1/inbound-items")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class InboundItemResource {

    @Inject
    InboundAdmin admin;

    @Inject
    InboundPipeline pipeline;

    @GET
    public List<ItemView> list(@QueryParam("state") @DefaultValue("QUARANTINED") String state, @QueryParam("limit") @DefaultValue("100") int limit) {
        return admin.list(parse(state), Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("{id}")
    public InboundAdmin.ItemDetail get(@PathParam("id") long id) {
        return admin.get(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No inbound item " + id));
    }

    /** The payload exactly as it was received, e.g. the raw mail of a quarantined item. */
    @GET
    @Path("{id}/payload")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response payload(@PathParam("id") long id) {
        byte[] payload = admin.payload(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No inbound item " + id));
        return Response.ok(payload, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"inbound-item-" + id + ".bin\"").build();
    }

    @POST
    @Path("{id}/reprocess")
    public Processed reprocess(@PathParam("id") long id) {
        if (!admin.requeue(id)) {
            throw new ApiException(Response.Status.NOT_FOUND, "No inbound item " + id + " waiting for reprocessing");
        }
        return pipeline.process(id);
    }

    /** Reprocesses every item in the state (QUARANTINED or FAILED); answers how many ended processed. */
    @POST
    @Path("reprocess")
    public Map<String, Integer> reprocessAll(@QueryParam("state") @DefaultValue("QUARANTINED") String state) {
        List<Long> ids = admin.requeueAll(parse(state));
        int processed = 0;
        for (Long id : ids) {
            if (pipeline.process(id).done()) {
                processed++;
            }
        }
        return Map.of("requeued", ids.size(), "processed", processed);
    }

    private static InboundAdmin.Filter parse(String state) {
        try {
            return InboundAdmin.Filter.valueOf(state.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ApiException(Response.Status.BAD_REQUEST, "state: use FAILED, QUARANTINED or PENDING", List.of("state"));
        }
    }
}
