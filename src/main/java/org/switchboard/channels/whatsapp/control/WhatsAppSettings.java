package org.switchboard.channels.whatsapp.control;

/**
 * A WhatsApp Business (Cloud API) channel's settings (JSON in {@code channels.type_settings}): the
 * WhatsApp Business account and phone number ids Meta gives, and the sealed access token and app
 * secret; the verify token answers Meta's webhook handshake.
 *
 * @param tokenInvalidSince set when Meta refused the access token (revoked, expired): the channel needs reconnecting; replies wait
 */
public record WhatsAppSettings(String businessAccountId, String phoneNumberId, String displayPhoneNumber, String sealedAccessToken,
                               String sealedAppSecret, String verifyToken, String tokenInvalidSince) {

    public WhatsAppSettings withTokenInvalidSince(String since) {
        return new WhatsAppSettings(businessAccountId, phoneNumberId, displayPhoneNumber, sealedAccessToken, sealedAppSecret, verifyToken, since);
    }
}
