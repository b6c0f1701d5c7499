package org.switchboard.identity.boundary;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.switchboard.identity.control.ApiTokenService;
import org.switchboard.identity.control.ApiTokenService.ApiTokenView;
import org.switchboard.platform.rest.ApiError;

/**
 * {@code /api/v1/api-tokens}: an admin mints a token (HTTP Basic with their own password, or an
 * existing token), lists tokens and revokes them. The token text is returned once, on creation.
 */
@Path("v1/api-tokens")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiTokenResource {

    @Inject
    ApiTokenService tokens;

    @Context
    SecurityContext security;

    @POST
    public Response create(@NotNull(message = "a JSON body with a name is required") @Valid NewToken request) {
        var issued = tokens.issue(request.name(), security.getUserPrincipal().getName());
        ApiTokenView view = issued.details();
        return Response.created(URI.create("v1/api-tokens/" + view.id()))
                .entity(new CreatedToken(view.id(), view.name(), view.username(), view.prefix(), view.createdAt(), issued.token()))
                .build();
    }

    @GET
    public List<ApiTokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
        return tokens.revoke(id) ? Response.noContent().build() : ApiError.response(Response.Status.NOT_FOUND, "No API token " + id);
    }

    public record NewToken(@NotBlank(message = "must not be empty") @Size(max = 100) String name) {
    }

    public record CreatedToken(long id, String name, String username, String prefix, Instant createdAt, String token) {
        @Override
        public String toString() {
            return "CreatedToken[" + id + ", " + name + ", token=***]";
        }
    }
}
