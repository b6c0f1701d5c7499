package org.switchboard.inbound.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.inbound.control.InboundPipeline.Submission;
import org.switchboard.inbound.control.IntakeResult;

/**
 * The answer of inbound endpoints: 202 with what this request made (or that it is still pending,
 * or quarantined with the reason), 200 when the item existed before this request.
 */
public final class SubmissionResponse {

    private SubmissionResponse() {
    }

    public static Response of(Submission submission) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("itemId", submission.itemId());
        entity.put("state", submission.processed().state().name());
        IntakeResult result = submission.processed().result();
        if (result != null) {
            if (result.ticketId() != null) {
                entity.put("ticketId", result.ticketId());
            }
            if (result.conversationId() != null) {
                entity.put("conversationId", result.conversationId());
                entity.put("messageId", result.messageId());
            }
            if (result.ignored()) {
                entity.put("outcome", result.ignoredBecause());
            }
        }
        if (submission.processed().error() != null) {
            entity.put("error", submission.processed().error());
        }
        boolean repeat = result != null && result.duplicate();
        return Response.status(repeat ? Response.Status.OK : Response.Status.ACCEPTED)
                .type(MediaType.APPLICATION_JSON).entity(entity).build();
    }
}
