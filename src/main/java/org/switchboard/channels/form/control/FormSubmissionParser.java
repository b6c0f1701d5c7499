package org.switchboard.channels.form.control;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.switchboard.contacts.control.Sender;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InboundMessage.InboundAttachment;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.inbound.control.PayloadParser;

/**
 * A journaled submission → a message: from the submitter's email and name, titled with the form's
 * name, its text the visible fields ("Label: value" lines), uploaded files as attachments. Hidden
 * fields stay on the submission record, out of the help desk view. Each submission is a
 * conversation of its own.
 */
@ApplicationScoped
public class FormSubmissionParser implements PayloadParser {

    @Override
    public String contentType() {
        return FormPayload.CONTENT_TYPE;
    }

    @Override
    public InboundMessage parse(byte[] raw) {
        FormPayload payload;
        try {
            payload = FormPayload.fromJson(raw);
        } catch (RuntimeException unreadable) {
            throw new InvalidPayloadException(null, "Not a form submission: " + unreadable.getMessage());
        }
        if (payload.email() == null || payload.nonce() == null) {
            throw new InvalidPayloadException("email", "A form submission without the submitter's email or nonce");
        }
        String text = payload.values().stream().filter(FormPayload.Value::visible)
                .map(v -> v.label() + ": " + String.join(", ", v.values())).collect(Collectors.joining("\n"));
        List<InboundAttachment> files = payload.files().stream()
                .map(f -> new InboundAttachment(f.filename(), f.contentType(), null, Base64.getDecoder().decode(f.base64()))).toList();
        String id = "form:" + payload.nonce();
        return new InboundMessage(id, new Sender(payload.email(), null, payload.name(), null), payload.formName(), text, null,
                Instant.parse(payload.submittedAt()), id, payload.language(), null, files, null);
    }
}
