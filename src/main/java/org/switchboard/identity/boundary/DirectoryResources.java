package org.switchboard.identity.boundary;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.switchboard.identity.control.DirectoryDtos.AvailabilityRequest;
import org.switchboard.identity.control.DirectoryDtos.NameRequest;
import org.switchboard.identity.control.DirectoryDtos.NamedView;
import org.switchboard.identity.control.DirectoryDtos.UserRequest;
import org.switchboard.identity.control.DirectoryDtos.UserView;
import org.switchboard.identity.control.DirectoryService;
import org.switchboard.platform.rest.ApiException;

/** {@code /api/v1/users}, {@code /api/v1/teams}, {@code /api/v1/skills} (admin) and {@code /api/v1/me/availability} (anyone signed in). */
public final class DirectoryResources {

    private DirectoryResources() {
    }

    static ApiException notFound(String what, long id) {
        return new ApiException(Response.Status.NOT_FOUND, "No " + what + " " + id);
    }

    @Path("v1/users")
    @RequestScoped
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class Users {

        @Inject
        DirectoryService directory;

        @POST
        public Response create(@NotNull @Valid UserRequest request) {
            UserView user = directory.createUser(request);
            return Response.created(URI.create("v1/users/" + user.id())).entity(user).build();
        }

        @GET
        public List<UserView> list() {
            return directory.users();
        }

        @GET
        @Path("{id}")
        public UserView get(@PathParam("id") long id) {
            return directory.user(id).orElseThrow(() -> notFound("user", id));
        }

        @PUT
        @Path("{id}")
        public UserView update(@PathParam("id") long id, @NotNull @Valid UserRequest request) {
            return directory.updateUser(id, request).orElseThrow(() -> notFound("user", id));
        }

        @PUT
        @Path("{id}/availability")
        public UserView availability(@PathParam("id") long id, @NotNull @Valid AvailabilityRequest request) {
            return directory.changeAvailability(id, request.availability()).orElseThrow(() -> notFound("user", id));
        }
    }

    @Path("v1/me/availability")
    @RequestScoped
    @RolesAllowed({"admin", "agent", "operator"})
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class MyAvailability {

        @Inject
        DirectoryService directory;

        @Context
        SecurityContext security;

        @PUT
        public UserView change(@NotNull @Valid AvailabilityRequest request) {
            return directory.changeOwnAvailability(security.getUserPrincipal().getName(), request.availability())
                    .orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No such user"));
        }
    }

    @Path("v1/teams")
    @RequestScoped
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class Teams {

        @Inject
        DirectoryService directory;

        @POST
        public Response create(@NotNull @Valid NameRequest request) {
            NamedView team = directory.createTeam(request.name());
            return Response.created(URI.create("v1/teams/" + team.id())).entity(team).build();
        }

        @GET
        public List<NamedView> list() {
            return directory.teams();
        }

        @PUT
        @Path("{id}")
        public NamedView rename(@PathParam("id") long id, @NotNull @Valid NameRequest request) {
            return directory.renameTeam(id, request.name()).orElseThrow(() -> notFound("team", id));
        }

        @DELETE
        @Path("{id}")
        public Response delete(@PathParam("id") long id) {
            if (!directory.deleteTeam(id)) {
                throw notFound("team", id);
            }
            return Response.noContent().build();
        }
    }

    @Path("v1/skills")
    @RequestScoped
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class Skills {

        @Inject
        DirectoryService directory;

        @POST
        public Response create(@NotNull @Valid NameRequest request) {
            NamedView skill = directory.createSkill(request.name());
            return Response.created(URI.create("v1/skills/" + skill.id())).entity(skill).build();
        }

        @GET
        public List<NamedView> list() {
            return directory.skills();
        }

        @PUT
        @Path("{id}")
        public NamedView rename(@PathParam("id") long id, @NotNull @Valid NameRequest request) {
            return directory.renameSkill(id, request.name()).orElseThrow(() -> notFound("skill", id));
        }

        @DELETE
        @Path("{id}")
        public Response delete(@PathParam("id") long id) {
            if (!directory.deleteSkill(id)) {
                throw notFound("skill", id);
            }
            return Response.noContent().build();
        }
    }
}
