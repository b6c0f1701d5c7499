package org.switchboard.contacts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.contacts.control.ContactService;
import org.switchboard.contacts.control.ContactService.ContactView;
import org.switchboard.platform.rest.ApiException;

/** {@code /api/v1/contacts/{id}}: a contact, and its owner. */
@Path("v1/contacts/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    ContactService contacts;

    public record OwnerRequest(Long ownerId) {
    }

    @GET
    @RolesAllowed({"admin", "agent"})
    public ContactView get(@PathParam("id") long id) {
        return contacts.get(id).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("owner")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactView assignOwner(@PathParam("id") long id, @NotNull OwnerRequest request) {
        return contacts.assignOwner(id, request.ownerId()).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(long id) {
        return new ApiException(Response.Status.NOT_FOUND, "No contact " + id);
    }
}
