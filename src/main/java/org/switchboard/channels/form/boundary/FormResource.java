package org.switchboard.channels.form.boundary;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.form.control.FormProtection;
import org.switchboard.channels.form.control.FormService;
import org.switchboard.channels.form.control.FormSubmissions;
import org.switchboard.channels.form.control.FormSubmissions.SubmissionView;
import org.switchboard.channels.form.control.FormService.ConnectRequest;
import org.switchboard.channels.form.control.FormService.FormRequest;
import org.switchboard.channels.form.control.FormService.FormView;
import org.switchboard.channels.form.control.FormService.RepliesRequest;
import org.switchboard.platform.rest.ApiException;

/**
 * {@code /api/v1/forms}: define forms (fields, labels in English and Finnish), connect one to the
 * help desk with its hidden ticket fields ({@code POST …/{id}/connection}), name the team email
 * channel that answers it ({@code PUT …/{id}/replies}) and remove it from there ({@code DELETE …/{id}/connection}). Refusal counts per reason come with each form.
 */
@Path("v1/forms")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FormResource {

    @Inject
    FormService forms;

    @Inject
    FormSubmissions submissions;

    @GET
    public List<FormView> list() {
        return forms.list();
    }

    @POST
    public Response create(@NotNull @Valid FormRequest request) {
        FormView created = forms.create(request);
        return Response.created(URI.create("v1/forms/" + created.id())).entity(created).build();
    }

    /** A contact's submissions with every value, hidden fields included (agents read them on the contact's record). */
    @GET
    @Path("submissions")
    @RolesAllowed({"admin", "agent"})
    public List<SubmissionView> submissions(@QueryParam("contact") Long contactId) {
        if (contactId == null) {
            throw new ApiException(Response.Status.BAD_REQUEST, "Name the contact: ?contact={id}", List.of("contact"));
        }
        return submissions.ofContact(contactId).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No contact " + contactId));
    }

    @GET
    @Path("{id}")
    public FormView get(@PathParam("id") long id) {
        return forms.get(id).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("{id}")
    public FormView update(@PathParam("id") long id, @NotNull @Valid FormRequest request) {
        return forms.update(id, request).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/connection")
    public FormView connect(@PathParam("id") long id, @Valid ConnectRequest request) {
        return forms.connect(id, request).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("{id}/replies")
    public FormView repliesThrough(@PathParam("id") long id, @NotNull @Valid RepliesRequest request) {
        return forms.repliesThrough(id, request).orElseThrow(() -> notFound(id));
    }

    /** The form's own limits and the sites that may embed it. */
    @PUT
    @Path("{id}/protection")
    public FormView protect(@PathParam("id") long id, @NotNull @Valid FormProtection protection) {
        return forms.protect(id, protection).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}/connection")
    public FormView disconnect(@PathParam("id") long id) {
        return forms.disconnect(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(long id) {
        return new ApiException(Response.Status.NOT_FOUND, "No form " + id);
    }
}
