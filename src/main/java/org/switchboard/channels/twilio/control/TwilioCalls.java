package org.switchboard.channels.twilio.control;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.calls.control.CallPayload;
import org.switchboard.calls.control.CallPlacer;
import org.switchboard.channels.twilio.control.TwilioChannelService.Receiver;
import org.switchboard.identity.entity.User;
import org.switchboard.inbound.control.InboundPipeline;

/**
 * Click-to-call through Twilio's REST API: Twilio rings the agent's calling address from the channel's
 * number; when the agent picks up, the {@code outbound} hook's TwiML rings the contact with the
 * channel's number as caller id. The call is journaled at once as placed (an outbound call ringing,
 * the agent named), so it is on the ticket before Twilio's first callback; Twilio's status callbacks
 * carry the contact's number in their URL, since the agent's leg does not name it.
 */
@ApplicationScoped
public class TwilioCalls implements CallPlacer {

    @Inject
    TwilioChannelService channels;

    @Inject
    TwilioApi api;

    @Inject
    InboundPipeline pipeline;

    @PersistenceContext
    EntityManager em;

    @Override
    public String kind() {
        return TwilioConnector.KIND;
    }

    @Override
    public String place(long channelId, long agentId, String customerNumber) throws CallNotPlaced {
        Receiver account = channels.account(channelId).orElseThrow(() -> new CallNotPlaced("The Twilio channel is not set up"));
        User agent = em.find(User.class, agentId);
        if (agent == null || agent.getCallingAddress() == null) {
            throw new CallNotPlaced("You have no calling address: an admin sets it in Settings → Users");
        }
        String query = "customer=" + encode(customerNumber) + "&agent=" + encode(agent.getUsername());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("To", agent.getCallingAddress());
        parameters.put("From", account.settings().phoneNumber());
        parameters.put("Url", TwilioChannelService.hookUrl(account.key(), "outbound") + "?" + query);
        parameters.put("StatusCallback", TwilioChannelService.hookUrl(account.key(), "status") + "?" + query);
        parameters.put("StatusCallbackEvent", "initiated ringing answered completed");
        JsonObject placed;
        try {
            placed = api.placeCall(account.settings().accountSid(), account.authToken(), parameters);
        } catch (TwilioApi.Refused refused) {
            throw new CallNotPlaced("Twilio refused the call: " + refused.getMessage());
        } catch (IOException unreachable) {
            throw new CallNotPlaced("Twilio could not be reached: " + unreachable.getMessage());
        }
        String sid = placed.getString("sid");
        byte[] record = ("CallSid=" + encode(sid) + "&To=" + encode(customerNumber) + "&From=" + encode(account.settings().phoneNumber())
                + "&SwitchboardAgent=" + encode(agent.getUsername())).getBytes(StandardCharsets.UTF_8);
        pipeline.submit(channelId, "twilio:" + sid + ":placed", TwilioEventParser.CONTENT_TYPE,
                new CallPayload(Instant.now(), TwilioEventParser.journalContentType(TwilioEvents.Hook.PLACED, ""), record).toBytes());
        return sid;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
