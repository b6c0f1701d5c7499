package org.switchboard.channels.messenger.control;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The Messenger channel API's shapes. The page token and app secret never go out. */
public final class MessengerDtos {

    private MessengerDtos() {
    }

    /**
     * What the page says by itself. Greeting: up to 160 characters (Meta's limit), set on the page's
     * Messenger profile; empty removes it. Consent NONE, IMPLICIT or EXPLICIT, with its text.
     */
    public record MessengerBehaviour(@Size(max = 160) String greeting,
                                     @Size(max = 2000) String instantReply,
                                     @Pattern(regexp = "NONE|IMPLICIT|EXPLICIT", message = "NONE, IMPLICIT or EXPLICIT") String consentMode,
                                     @Size(max = 1000) String consentText) {
    }

    public record MessengerView(long channelId, String appId, String pageId, String pageName, boolean connected, boolean reconnectNeeded,
                                String verifyToken, String webhookUrl, String greeting, String instantReply, String consentMode,
                                String consentText) {
    }

    /** A page the signed-in Facebook user may connect: {@code admin} when their tasks on it include MANAGE. */
    public record PageChoice(String id, String name, String category, boolean admin, String connectedTo) {
    }
}
