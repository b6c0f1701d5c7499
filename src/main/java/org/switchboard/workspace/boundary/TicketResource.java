package org.switchboard.workspace.boundary;

import java.util.List;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.switchboard.platform.rest.ApiException;
import org.switchboard.workspace.control.TicketDtos.MessageView;
import org.switchboard.workspace.control.TicketDtos.NoteRequest;
import org.switchboard.workspace.control.TicketDtos.ReplyRequest;
import org.switchboard.workspace.control.TicketDtos.TicketCreateRequest;
import org.switchboard.workspace.control.TicketDtos.TicketDetail;
import org.switchboard.workspace.control.TicketDtos.TicketPage;
import org.switchboard.workspace.control.TicketDtos.TicketPatch;
import org.switchboard.workspace.control.TicketDtos.TicketQuery;
import org.switchboard.workspace.control.TicketDtos.TicketSummary;
import org.switchboard.workspace.control.TicketService;
import org.switchboard.pipelines.entity.Priority;

/**
 * {@code /api/v1/tickets}: create (sources api, integration, workflow, import), list with filters
 * and keyset paging ({@code cursor} from the previous page's {@code nextCursor}), read with
 * messages and timeline, update, reply, add an internal note.
 */
@Path("v1/tickets")
@RequestScoped
@RolesAllowed({"admin", "agent"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    TicketService tickets;

    @Context
    SecurityContext security;

    @POST
    public Response create(@NotNull @Valid TicketCreateRequest request) {
        TicketSummary created = tickets.create(request, caller());
        return Response.created(URI.create("v1/tickets/" + created.id())).entity(created).build();
    }

    @GET
    public TicketPage list(@QueryParam("stage") Long stage, @QueryParam("owner") Long owner, @QueryParam("team") Long team,
                           @QueryParam("channel") Long channel, @QueryParam("unassigned") Boolean unassigned,
                           @QueryParam("closed") Boolean closed, @QueryParam("updatedSince") String updatedSince,
                           @QueryParam("limit") int limit, @QueryParam("cursor") String cursor,
                           @QueryParam("priority") String priorityName, @QueryParam("q") String search,
                           @QueryParam("oldestFirst") boolean oldestFirst) {
        Instant since = null;
        if (updatedSince != null) {
            try {
                since = Instant.parse(updatedSince);
            } catch (DateTimeParseException e) {
                throw new ApiException(Response.Status.BAD_REQUEST, "updatedSince: must be an ISO-8601 instant", java.util.List.of("updatedSince"));
            }
        }
        Priority priority = null;
        if (priorityName != null) {
            try {
                priority = Priority.valueOf(priorityName);
            } catch (IllegalArgumentException e) {
                throw new ApiException(Response.Status.BAD_REQUEST, "priority: one of LOW, MEDIUM, HIGH, URGENT", java.util.List.of("priority"));
            }
        }
        if (search != null && search.length() > 200) {
            throw new ApiException(Response.Status.BAD_REQUEST, "q: at most 200 characters", java.util.List.of("q"));
        }
        return tickets.list(new TicketQuery(stage, owner, team, channel, unassigned, closed, since, limit, cursor, priority, search, oldestFirst));
    }

    @GET
    @Path("{id}")
    public TicketDetail get(@PathParam("id") long id) {
        return tickets.detail(id).orElseThrow(() -> notFound(id));
    }

    @PATCH
    @Path("{id}")
    public TicketSummary update(@PathParam("id") long id, @NotNull @Valid TicketPatch patch) {
        return tickets.update(id, patch, caller()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/replies")
    public Response reply(@PathParam("id") long id, @NotNull @Valid ReplyRequest request) {
        MessageView reply = tickets.reply(id, caller(), request.text(), request.html(), request.attachments(), request.quotedMessageId()).orElseThrow(() -> notFound(id));
        return Response.status(Response.Status.ACCEPTED).entity(reply).build();
    }

    /** {@code {"template": "<id from the reply box's templates>", "parameters": ["…"]}} */
    public record TemplateReplyRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 600) String template,
                                       @jakarta.validation.constraints.Size(max = 20) List<@jakarta.validation.constraints.Size(max = 1000) String> parameters) {
    }

    @POST
    @Path("{id}/template-replies")
    public Response replyWithTemplate(@PathParam("id") long id, @NotNull @Valid TemplateReplyRequest request) {
        MessageView reply = tickets.replyWithTemplate(id, caller(), request.template(), request.parameters()).orElseThrow(() -> notFound(id));
        return Response.status(Response.Status.ACCEPTED).entity(reply).build();
    }

    @POST
    @Path("{id}/notes")
    public Response note(@PathParam("id") long id, @NotNull @Valid NoteRequest request) {
        MessageView note = tickets.note(id, caller(), request.text()).orElseThrow(() -> notFound(id));
        return Response.status(Response.Status.CREATED).entity(note).build();
    }

    /** {@code {"number": "+358…"}} (optional: the contact's first phone). */
    public record CallRequest(@jakarta.validation.constraints.Size(max = 40) String number) {
    }

    /** Click-to-call: the ticket's channel's provider rings the agent, then the contact; 202 with the provider's call id. */
    @POST
    @Path("{id}/calls")
    public Response call(@PathParam("id") long id, CallRequest request) {
        tickets.summaryOf(id).orElseThrow(() -> notFound(id));
        try {
            String callId = clickToCall.call(id, caller(), request == null ? null : request.number());
            return Response.status(Response.Status.ACCEPTED).entity(java.util.Map.of("callId", callId)).build();
        } catch (org.switchboard.calls.control.CallPlacer.CallNotPlaced refused) {
            throw new ApiException(Response.Status.CONFLICT, refused.getMessage());
        }
    }

    @Inject
    org.switchboard.workspace.control.ClickToCall clickToCall;

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    private static ApiException notFound(long id) {
        return new ApiException(Response.Status.NOT_FOUND, "No ticket " + id);
    }
}
