package org.switchboard.channels.messenger.control;

/**
 * A Messenger channel's settings (JSON in {@code channels.type_settings}): the Meta app it was
 * connected with (id, sealed secret — webhook signatures are checked with it), the page and its
 * sealed page access token, the verify token of the webhook handshake, and what the page says by
 * itself: the greeting (shown before a person writes), an instant reply to a first message, and
 * consent (NONE, IMPLICIT — the text is shown and writing accepts it, EXPLICIT — the person must
 * answer "I agree" before the conversation reaches agents).
 *
 * @param tokenInvalidSince set when Meta refused the page token: the channel needs reconnecting; replies wait
 */
public record MessengerSettings(String appId, String sealedAppSecret, String pageId, String pageName, String sealedPageToken,
                                String verifyToken, String greeting, String instantReply, String consentMode, String consentText,
                                String tokenInvalidSince) {

    public static final String NO_CONSENT = "NONE";
    public static final String IMPLICIT = "IMPLICIT";
    public static final String EXPLICIT = "EXPLICIT";

    public String consent() {
        return consentMode == null ? NO_CONSENT : consentMode;
    }

    public MessengerSettings withPage(String newAppId, String newSealedSecret, String newPageId, String newPageName, String newSealedToken) {
        return new MessengerSettings(newAppId, newSealedSecret, newPageId, newPageName, newSealedToken, verifyToken, greeting, instantReply,
                consentMode, consentText, null);
    }

    public MessengerSettings withBehaviour(String newGreeting, String newInstantReply, String newConsentMode, String newConsentText) {
        return new MessengerSettings(appId, sealedAppSecret, pageId, pageName, sealedPageToken, verifyToken, newGreeting, newInstantReply,
                newConsentMode, newConsentText, tokenInvalidSince);
    }

    public MessengerSettings withTokenInvalidSince(String since) {
        return new MessengerSettings(appId, sealedAppSecret, pageId, pageName, sealedPageToken, verifyToken, greeting, instantReply,
                consentMode, consentText, since);
    }
}
