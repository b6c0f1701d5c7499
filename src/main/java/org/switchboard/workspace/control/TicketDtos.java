package org.switchboard.workspace.control;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.TicketEventType;
import org.switchboard.tickets.entity.TicketSource;
import org.switchboard.platform.validation.OneLine;

/** Shapes of the tickets API; entities never leave the service. */
public final class TicketDtos {

    private TicketDtos() {
    }

    public record ContactDto(@Size(max = 320) @OneLine String email, @Size(max = 40) @OneLine String phone, @Size(max = 200) @OneLine String name) {
    }

    public record TicketCreateRequest(@NotBlank @Size(max = 500) @OneLine String subject, @Size(max = 100_000) String description,
                                      TicketSource source, Long pipelineId, Long stageId, Priority priority,
                                      @Size(max = 100) String category, @Valid ContactDto contact, Long ownerId) {
    }

    /** Only the fields that are set change; {@code unassign} true removes the owner. */
    public record TicketPatch(Long stageId, Long ownerId, Boolean unassign, Priority priority, @Size(max = 500) @OneLine String subject,
                              Long version) {
    }

    /** {@code quotedMessageId}: a message the customer sent in the conversation, quoted above the reply where the channel can (WhatsApp). */
    public record ReplyRequest(@NotBlank @Size(max = 1_000_000) String text, @Size(max = 2_000_000) String html,
                               @Valid @Size(max = 20) List<FileDto> attachments, Long quotedMessageId) {
    }

    /** A file sent with a reply; {@code contentBase64} is the file's bytes in Base64. */
    public record FileDto(@NotBlank @Size(max = 255) @Pattern(regexp = "[^\\r\\n/\\\\]*") String filename,
                          @Size(max = 255) @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+") String contentType,
                          @NotBlank String contentBase64) {
    }

    public record NoteRequest(@NotBlank @Size(max = 100_000) String text) {
    }

    public record TicketSummary(long id, long number, String subject, long stageId, String stage, boolean closed, Priority priority,
                                String category, Long ownerId, String owner, Long teamId, TicketSource source, Long channelId,
                                Long contactId, String contact, Instant createdAt, Instant updatedAt, Instant closedAt,
                                boolean awaitingRouting, long version) {
    }

    public record MessageView(long id, Long conversationId, MessageDirection direction, String author, String subject, String text,
                              String html, String externalId, Instant sentAt, Instant createdAt, DeliveryState deliveryState,
                              String deliveryError, String channelMessageId, boolean automatic, String notes,
                              List<AttachmentView> attachments, CallView call, Long quotedMessageId) {
    }

    /** A message of kind call: what the phone system reported, as the ticket page and the API show it; null on other messages. */
    public record CallView(org.switchboard.conversations.entity.CallDirection direction, org.switchboard.conversations.entity.CallState state,
                           String customerNumber, String ourNumber, String agent, String answeredBy, Instant startedAt, Instant answeredAt,
                           Instant endedAt, Long talkedSeconds, String endCause, boolean endedByTimeout, Integer recordingSeconds) {
    }

    public record AttachmentView(long id, String filename, String contentType, long size, String contentId) {
    }

    /**
     * @param detail  what the entry says, in English (for API clients that show text)
     * @param phrases the same as data, for clients that render it in their reader's language
     */
    public record EventView(long id, TicketEventType type, String actor, String detail, List<Phrase> phrases, Instant occurredAt) {
    }

    public record TicketDetail(TicketSummary ticket, String description, Long followsTicketId, List<MessageView> messages,
                               List<EventView> timeline) {
    }

    public record TicketPage(List<TicketSummary> items, String nextCursor) {
    }

    /**
     * List filters; all optional. {@code search} matches the subject, the ticket number or the
     * contact's name (case-insensitive); {@code oldestFirst} pages from the least recently updated.
     */
    public record TicketQuery(Long stageId, Long ownerId, Long teamId, Long channelId, Boolean unassigned, Boolean closed,
                              Instant updatedSince, int limit, String cursor, Priority priority, String search, boolean oldestFirst) {

        public TicketQuery(Long stageId, Long ownerId, Long teamId, Long channelId, Boolean unassigned, Boolean closed,
                           Instant updatedSince, int limit, String cursor) {
            this(stageId, ownerId, teamId, channelId, unassigned, closed, updatedSince, limit, cursor, null, null, false);
        }
    }
}
