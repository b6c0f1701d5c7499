package org.switchboard.channels.twilio.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.calls.control.CallPayload;
import org.switchboard.calls.control.FormBody;
import org.switchboard.channels.twilio.control.TwilioChannelService.Receiver;
import org.switchboard.channels.twilio.control.TwilioEvents.Hook;
import org.switchboard.identity.entity.User;
import org.switchboard.inbound.control.InboundPipeline;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.routing.control.Staffing;

/**
 * One request from Twilio to a channel's URL ({@code /webhooks/twilio/{key}/{hook}}): the signature is
 * checked over the URL Switchboard gave Twilio and the form's parameters; call events are journaled raw
 * and applied to their call; the answer is the TwiML for the call — ring the agent routing chooses now
 * (their calling address), or record a voicemail after the greeting when nobody is available or nobody
 * answered; for a click-to-call, ring the contact once the agent picked up.
 */
@ApplicationScoped
public class TwilioVoice {

    @Inject
    TwilioChannelService channels;

    @Inject
    InboundPipeline pipeline;

    @Inject
    Staffing staffing;

    @Inject
    TwilioVoice self;

    @PersistenceContext
    EntityManager em;

    /** A refusal: the HTTP status, what is wrong, and the field at fault when there is one. */
    public static class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String field;

        public Refused(int status, String message, String field) {
            super(message);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    /** @return the TwiML to answer with */
    public String receive(String channelKey, String hookName, String queryString, String contentType, byte[] raw, String signature) {
        Receiver receiver = channels.receiver(channelKey).orElseThrow(() -> new Refused(404, "No Twilio channel with key " + channelKey, null));
        Hook hook = Hook.of(hookName == null ? "" : hookName);
        if (hook == null) {
            throw new Refused(404, "No such Twilio hook: " + hookName + " (voice, status, recording, …)", null);
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new Refused(415, "Twilio posts application/x-www-form-urlencoded", null);
        }
        Map<String, List<String>> form;
        Map<String, List<String>> query;
        try {
            form = FormBody.parse(raw);
            query = FormBody.parse(queryString);
        } catch (InvalidPayloadException invalid) {
            throw new Refused(400, invalid.getMessage(), null);
        }
        String url = TwilioChannelService.hookUrl(channelKey, hookName) + (queryString == null || queryString.isEmpty() ? "" : "?" + queryString);
        if (!TwilioSignature.valid(receiver.authToken(), url, form, signature)) {
            throw new Refused(401, "X-Twilio-Signature does not match this URL and these parameters under the account's auth token", TwilioSignature.HEADER);
        }
        if (!receiver.enabled()) {
            throw new Refused(409, "Channel " + receiver.name() + " is disabled", null);
        }
        if (hook.isEvent()) {
            Instant now = Instant.now();
            String key;
            try {
                key = TwilioEvents.key(hook, form, query);
                TwilioEvents.read(hook, form, query, receiver.settings().country(), now); // refuses a missing field before anything is stored
            } catch (InvalidPayloadException invalid) {
                throw new Refused(400, invalid.getMessage(), invalid.field());
            }
            pipeline.submit(receiver.channelId(), key, TwilioEventParser.CONTENT_TYPE,
                    new CallPayload(now, TwilioEventParser.journalContentType(hook, queryString), raw).toBytes());
        }
        return answer(receiver, hook, form, query);
    }

    private String answer(Receiver receiver, Hook hook, Map<String, List<String>> form, Map<String, List<String>> query) {
        TwilioSettings settings = receiver.settings();
        String key = receiver.key();
        return switch (hook) {
            case VOICE -> {
                Optional<Agent> agent = self.agentToRing(receiver.channelId());
                String callSid = TwilioEvents.first(form, "CallSid");
                yield agent.map(a -> TwiML.dial(a.address(), settings.ringing(), TwilioChannelService.hookUrl(key, "dial"),
                                TwilioChannelService.hookUrl(key, "agent") + "?agent=" + encode(a.username()) + "&parent=" + encode(callSid), null))
                        .orElseGet(() -> voicemail(receiver));
            }
            case DIAL -> {
                String outcome = TwilioEvents.first(form, "DialCallStatus");
                yield "completed".equals(outcome) || "answered".equals(outcome) ? TwiML.hangup() : voicemail(receiver);
            }
            case OUTBOUND -> {
                String customer = TwilioEvents.first(query, "customer");
                String agent = TwilioEvents.first(query, "agent");
                if (customer == null) {
                    yield TwiML.hangup();
                }
                yield TwiML.dial(customer, 30, TwilioChannelService.hookUrl(key, "done"), TwilioChannelService.hookUrl(key, "customer")
                        + "?customer=" + encode(customer) + (agent == null ? "" : "&agent=" + encode(agent)) + "&parent="
                        + encode(TwilioEvents.first(form, "CallSid")), settings.phoneNumber());
            }
            case DONE -> TwiML.hangup();
            default -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
        };
    }

    private String voicemail(Receiver receiver) {
        TwilioSettings settings = receiver.settings();
        return TwiML.voicemail(settings.greetingText(), settings.greetingLanguage(), settings.voicemailLength(),
                TwilioChannelService.hookUrl(receiver.key(), "recording"), TwilioChannelService.hookUrl(receiver.key(), "done"));
    }

    /** Whom to ring: the agent routing would choose now, if they have a calling address. */
    public record Agent(String username, String address) {
    }

    @Transactional
    public Optional<Agent> agentToRing(long channelId) {
        return staffing.chosenNow(channelId).map(id -> em.find(User.class, id))
                .filter(user -> user.getCallingAddress() != null)
                .map(user -> new Agent(user.getUsername(), user.getCallingAddress()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
