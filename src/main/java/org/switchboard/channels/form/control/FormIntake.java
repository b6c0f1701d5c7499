package org.switchboard.channels.form.control;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.channels.form.control.FormService.LiveForm;
import org.switchboard.channels.form.control.FormValues.Upload;
import org.switchboard.channels.form.entity.FormSubmission;
import org.switchboard.inbound.control.InboundPipeline;
import org.switchboard.inbound.control.InboundPipeline.Submission;

/**
 * One visitor's submission, in order: the honeypot, the signed token, the values, the rate
 * limits (which admit and record it in one step); then the raw submission is journaled (nothing
 * lost; the token's nonce is its identity, so a double post is one submission) and processed like
 * any inbound message. Each refusal is counted per reason. A failure after admission leaves the
 * visitor without a thank-you; posting again journals it then, without counting it twice.
 */
@ApplicationScoped
public class FormIntake {

    /** The field people do not see; a bot that fills every field fills it. */
    public static final String HONEYPOT = "sb_website";
    public static final String TOKEN = "sb_token";

    private static final Logger LOG = Logger.getLogger(FormIntake.class.getName());

    @Inject
    FormService forms;

    @Inject
    FormGuard guard;

    @Inject
    FormLimits limits;

    @Inject
    InboundPipeline pipeline;

    public enum Status { ACCEPTED, INVALID, REFUSED }

    /**
     * @param errors  text keys by field name, when INVALID
     * @param refusal when REFUSED
     */
    public record Outcome(Status status, Map<String, String> errors, Refusal refusal, Long itemId) {
    }

    /**
     * @param foreignOrigin the {@code Origin} of the page that posted, when it is another site than
     *                      this server's (an embedded form); null for the hosted page or no header
     */
    public Outcome submit(LiveForm form, Map<String, List<String>> posted, List<Upload> uploads, String clientAddress, String foreignOrigin,
                          Locale language) {
        Instant now = Instant.now();
        if (foreignOrigin != null && !form.protection().allows(foreignOrigin)) {
            return refuse(form, Refusal.ORIGIN);
        }
        if (!first(posted, HONEYPOT).isEmpty()) {
            return refuse(form, Refusal.HONEYPOT);
        }
        FormToken.Check token = forms.tokens().check(first(posted, TOKEN), form.id(), now, limits.minimumFill(), limits.tokenLifetime());
        if (token.verdict() != FormToken.Verdict.VALID) {
            return refuse(form, Refusal.valueOf(token.verdict().name()));
        }
        FormValues.Result values = FormValues.check(form.definition(), posted, uploads, limits.maxFileBytes());
        if (!values.valid()) {
            return new Outcome(Status.INVALID, values.errors(), null, null);
        }
        FormField emailField = form.definition().contactEmailField().orElseThrow();
        FormPayload payload = new FormPayload(form.id(), form.name(), token.nonce(), now.toString(),
                language == null ? null : language.getLanguage(), values.value(emailField.name()), values.value("name"),
                values.entries().stream().map(e -> new FormPayload.Value(e.name(), e.kind().name(), e.label(), e.values(), e.visible())).toList(),
                values.files().stream().map(f -> new FormPayload.File(f.field(), f.filename(), f.contentType(),
                        Base64.getEncoder().encodeToString(f.content()))).toList());
        // the record keeps every value (hidden fields too) but not the files, which the journaled item holds
        String record = new String(new FormPayload(form.id(), form.name(), token.nonce(), payload.submittedAt(), payload.language(),
                payload.email(), payload.name(), payload.values(), List.of()).toJson(), java.nio.charset.StandardCharsets.UTF_8);
        Optional<Refusal> overLimit = guard.admit(new FormSubmission(form.id(), token.nonce(), forms.clientKey(clientAddress), payload.email(),
                record, null, now), form.protection(), now);
        if (overLimit.isPresent()) {
            return refuse(form, overLimit.get());
        }
        Submission submission = pipeline.submit(form.channelId(), "form:" + token.nonce(), FormPayload.CONTENT_TYPE, payload.toJson());
        guard.journaled(form.id(), token.nonce(), submission.itemId());
        return new Outcome(Status.ACCEPTED, Map.of(), null, submission.itemId());
    }

    private Outcome refuse(LiveForm form, Refusal reason) {
        try {
            guard.countRefusal(form.id(), reason);
        } catch (RuntimeException firstOfItsKindRaced) {
            guard.countRefusal(form.id(), reason); // another request inserted the reason's row first: now it updates
        }
        LOG.fine(() -> "Form " + form.key() + " refused a submission: " + reason);
        return new Outcome(Status.REFUSED, Map.of(), reason, null);
    }

    private static String first(Map<String, List<String>> posted, String name) {
        List<String> values = posted.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
    }
}
