package org.switchboard.inbound.boundary;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.inbound.control.InboundPipeline.Submission;
import org.switchboard.inbound.control.IntakeResult;
import org.switchboard.platform.json.Jsonp;

/**
 * The answer of inbound endpoints: 202 with what this request made (or that it is still pending,
 * or quarantined with the reason), 200 when the item existed before this request. Written with
 * JSON-P rather than through JSON-B: it is every inbound call's answer, and binding a map
 * reflectively cost more than building these few fields.
 */
public final class SubmissionResponse {


    private SubmissionResponse() {
    }

    public static Response of(Submission submission) {
        JsonObjectBuilder entity = Jsonp.objectBuilder();
        entity.add("itemId", submission.itemId());
        entity.add("state", submission.processed().state().name());
        IntakeResult result = submission.processed().result();
        if (result != null) {
            if (result.ticketId() != null) {
                entity.add("ticketId", result.ticketId());
            }
            if (result.conversationId() != null) {
                entity.add("conversationId", result.conversationId());
            }
            if (result.messageId() != null) {
                entity.add("messageId", result.messageId());
            }
            if (result.ignored()) {
                entity.add("outcome", result.ignoredBecause());
            }
        }
        if (submission.processed().error() != null) {
            entity.add("error", submission.processed().error());
        }
        boolean repeat = result != null && result.duplicate();
        return Response.status(repeat ? Response.Status.OK : Response.Status.ACCEPTED)
                .type(MediaType.APPLICATION_JSON).entity(entity.build().toString()).build();
    }
}
