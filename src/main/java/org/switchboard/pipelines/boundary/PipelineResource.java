package org.switchboard.pipelines.boundary;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.switchboard.pipelines.control.PipelineService;

/** {@code GET /api/v1/pipelines}: the ticket pipelines and their stages, so scripts can move tickets between stages. */
@Path("v1/pipelines")
@RequestScoped
@RolesAllowed({"admin", "agent", "operator"})
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    @Inject
    PipelineService pipelines;

    public record StageView(long id, String name, int position, boolean closesTicket) {
    }

    public record PipelineView(long id, String name, List<StageView> stages) {
    }

    @GET
    public List<PipelineView> list() {
        return pipelines.pipelinesWithStages().stream()
                .map(p -> new PipelineView(p.getId(), p.getName(), p.getStages().stream()
                        .map(s -> new StageView(s.getId(), s.getName(), s.getPosition(), s.isClosed())).toList()))
                .toList();
    }
}
