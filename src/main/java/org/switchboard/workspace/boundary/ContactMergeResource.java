package org.switchboard.workspace.boundary;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.switchboard.contacts.control.ContactService;
import org.switchboard.platform.rest.ApiException;
import org.switchboard.workspace.control.ContactMerges;
import org.switchboard.workspace.control.ContactMerges.Lookalike;
import org.switchboard.workspace.control.ContactMerges.Merged;

/**
 * {@code /api/v1/contacts/{id}/lookalikes} and {@code …/merge} (admin, agent): contacts who may be
 * the same person, and merging one of them into this contact — its identities, tickets and
 * conversations move here, and both timelines say so.
 */
@Path("v1/contacts/{id}")
@RequestScoped
@RolesAllowed({"admin", "agent"})
@Produces(MediaType.APPLICATION_JSON)
public class ContactMergeResource {

    @Inject
    ContactMerges merges;

    @Inject
    ContactService contacts;

    @Context
    SecurityContext security;

    public record MergeRequest(@NotNull Long from) {
    }

    @GET
    @Path("lookalikes")
    public List<Lookalike> lookalikes(@PathParam("id") long id) {
        contacts.get(id).orElseThrow(() -> notFound(id));
        return merges.lookalikes(id);
    }

    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Merged merge(@PathParam("id") long id, @NotNull @jakarta.validation.Valid MergeRequest request) {
        contacts.get(id).orElseThrow(() -> notFound(id));
        return merges.merge(id, request.from(), security.getUserPrincipal().getName());
    }

    private static ApiException notFound(long id) {
        return new ApiException(Response.Status.NOT_FOUND, "No contact " + id);
    }
}
