package org.switchboard.imports.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.imports.control.ArchiveStore;
import org.switchboard.imports.control.ImportDtos.MailboxImportRequest;
import org.switchboard.imports.control.ImportDtos.RunView;
import org.switchboard.imports.control.ImportDtos.SkipView;
import org.switchboard.imports.control.ImportReport;
import org.switchboard.imports.control.ImportService;
import org.switchboard.platform.rest.ApiException;

/**
 * {@code /api/v1/imports}: operators upload archives, start imports, watch, stop, restart and
 * abandon them, and download each run's report of skipped mails (JSON or CSV).
 */
@Path("v1/imports")
@RequestScoped
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    ImportService imports;

    @Inject
    ArchiveStore archives;

    @Inject
    @ConfigProperty(name = "switchboard.imports.max-archive-bytes", defaultValue = "21474836480")
    long maxArchiveBytes;

    @Context
    SecurityContext security;

    /** Body: the archive's bytes; {@code name} tells the format (.mbox, or .zip for Maildir or .eml files). */
    @POST
    @Path("archives")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@QueryParam("name") String name, InputStream body) throws IOException {
        if (name == null || name.isBlank()) {
            throw new ApiException(Response.Status.BAD_REQUEST, "name: give the archive's file name, e.g. ?name=support.mbox", List.of("name"));
        }
        ArchiveStore.Stored stored = archives.store(name, body, maxArchiveBytes);
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @POST
    @Path("mailbox")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startMailboxImport(@NotNull @Valid MailboxImportRequest request) {
        long runId = imports.startMailboxImport(request, security.getUserPrincipal().getName());
        return Response.accepted(Map.of("runId", runId)).location(URI.create("v1/imports/" + runId)).build();
    }

    /** Body: {@code {channelId, history, dryRun}}. */
    @POST
    @Path("inbox-migration")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startInboxMigration(@NotNull @Valid MigrationRequest request) {
        long runId = imports.startInboxMigration(request.channelId(), Boolean.TRUE.equals(request.history()), Boolean.TRUE.equals(request.dryRun()),
                security.getUserPrincipal().getName());
        return Response.accepted(Map.of("runId", runId)).location(URI.create("v1/imports/" + runId)).build();
    }

    public record MigrationRequest(@NotNull Long channelId, Boolean history, Boolean dryRun) {
    }

    @GET
    public List<RunView> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        return imports.list(Math.max(1, Math.min(limit, 500)));
    }

    @GET
    @Path("{id}")
    public RunView get(@PathParam("id") long id) {
        return imports.get(id);
    }

    @POST
    @Path("{id}/stop")
    public RunView stop(@PathParam("id") long id) {
        imports.stop(id);
        return imports.get(id);
    }

    /** Continues from where the run got; answers the new execution. */
    @POST
    @Path("{id}/restart")
    public Response restart(@PathParam("id") long id) {
        long runId = imports.restart(id, security.getUserPrincipal().getName());
        return Response.accepted(Map.of("runId", runId)).location(URI.create("v1/imports/" + runId)).build();
    }

    @POST
    @Path("{id}/abandon")
    public RunView abandon(@PathParam("id") long id) {
        imports.abandon(id);
        return imports.get(id);
    }

    @GET
    @Path("{id}/report")
    public List<SkipView> report(@PathParam("id") long id) {
        return imports.skips(id);
    }

    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    public Response reportCsv(@PathParam("id") long id) {
        return Response.ok(ImportReport.csv(imports.skips(id)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-report.csv\"").build();
    }
}
