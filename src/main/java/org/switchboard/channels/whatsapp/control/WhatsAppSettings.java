package org.switchboard.channels.whatsapp.control;

import java.util.List;

/**
 * A WhatsApp Business (Cloud API) channel's settings (JSON in {@code channels.type_settings}): the
 * WhatsApp Business account and phone number ids Meta gives, and the sealed access token and app
 * secret; the verify token answers Meta's webhook handshake.
 *
 * @param templates the account's approved templates as last synced (WhatsApp Manager → Message templates)
 * @param tokenInvalidSince set when Meta refused the access token (revoked, expired): the channel needs reconnecting; replies wait
 */
public record WhatsAppSettings(String businessAccountId, String phoneNumberId, String displayPhoneNumber, String sealedAccessToken,
                               String sealedAppSecret, String verifyToken, String tokenInvalidSince, List<Template> templates,
                               String templatesSyncedAt) {

    /** An approved message template of the WhatsApp Business account, as synced: its body and how many values it takes. */
    public record Template(String name, String language, String category, String body, int parameters) {
    }

    public List<Template> approvedTemplates() {
        return templates == null ? List.of() : templates;
    }

    public WhatsAppSettings withTokenInvalidSince(String since) {
        return new WhatsAppSettings(businessAccountId, phoneNumberId, displayPhoneNumber, sealedAccessToken, sealedAppSecret, verifyToken, since,
                templates, templatesSyncedAt);
    }

    public WhatsAppSettings withTemplates(List<Template> synced, String at) {
        return new WhatsAppSettings(businessAccountId, phoneNumberId, displayPhoneNumber, sealedAccessToken, sealedAppSecret, verifyToken,
                tokenInvalidSince, synced, at);
    }
}
