package org.switchboard.channels.email.boundary;

import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.email.control.ConnectionTester;
import org.switchboard.channels.email.control.EmailAccount.FromNameMode;
import org.switchboard.channels.email.control.EmailChannelService;
import org.switchboard.channels.email.control.EmailChannelService.Candidate;
import org.switchboard.channels.email.control.EmailDtos.EmailAccountRequest;
import org.switchboard.channels.email.control.EmailDtos.EmailAccountView;
import org.switchboard.channels.email.control.EmailDtos.InboundToken;
import org.switchboard.channels.email.control.EmailDtos.Preview;
import org.switchboard.channels.email.control.EmailDtos.PreviewRequest;
import org.switchboard.channels.email.control.EmailDtos.TestResult;
import org.switchboard.channels.email.control.SenderLook;
import org.switchboard.platform.rest.ApiError;
import org.switchboard.platform.rest.ApiException;

/**
 * {@code /api/v1/channels/{id}/email}: connect and edit a team email channel's account. Saving
 * tests the connection first (unless {@code testConnection} is false) and answers 422 with the
 * precise problem; the secret is never shown back.
 */
@Path("v1/channels/{id}/email")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmailChannelResource {

    @Inject
    EmailChannelService email;

    @Inject
    ConnectionTester tester;

    @GET
    public EmailAccountView get(@PathParam("id") long id) {
        return email.get(id).orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "Channel " + id + " has no email account"));
    }

    @PUT
    public Response connect(@PathParam("id") long id, @NotNull @Valid EmailAccountRequest request) {
        Candidate candidate = email.candidate(id, request);
        if (!Boolean.FALSE.equals(request.testConnection())) {
            ConnectionTester.Result result = tester.test(candidate.account(), candidate.secret());
            if (!result.ok()) {
                return ApiError.response(422, "connection-failed", String.join("; ", result.problems()), List.of());
            }
        }
        return Response.ok(email.save(candidate)).build();
    }

    /** Tries settings without saving them. */
    @POST
    @Path("test")
    public TestResult test(@PathParam("id") long id, @NotNull @Valid EmailAccountRequest request) {
        Candidate candidate = email.candidate(id, request);
        ConnectionTester.Result result = tester.test(candidate.account(), candidate.secret());
        return new TestResult(result.ok(), result.problems());
    }

    /** A new token for the forwarding endpoint; the previous one stops working. */
    @POST
    @Path("inbound-token")
    public InboundToken rotateInboundToken(@PathParam("id") long id) {
        String token = email.rotateInboundToken(id);
        EmailAccountView view = get(id);
        return new InboundToken(token, view.forwardingEndpoint());
    }

    /** The From name and signature as a contact will see them, for draft settings; nothing is saved. */
    @POST
    @Path("preview")
    public Preview preview(@PathParam("id") long id, @NotNull @Valid PreviewRequest draft) {
        EmailAccountView stored = get(id);
        FromNameMode mode = draft.fromNameMode() != null ? draft.fromNameMode() : stored.fromNameMode();
        String company = draft.companyName() != null ? draft.companyName() : stored.companyName();
        String signature = draft.signature() != null ? draft.signature() : stored.signature();
        boolean html = draft.signatureHtml() != null ? draft.signatureHtml() : stored.signatureHtml();
        String agent = draft.agentName() != null ? draft.agentName() : "Maria Virtanen";
        return new Preview(SenderLook.fromLine(mode, company, agent, stored.address()),
                SenderLook.signatureText(signature, html, agent), SenderLook.signatureHtml(signature, html, agent));
    }
}
