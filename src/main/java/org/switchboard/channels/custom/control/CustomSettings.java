package org.switchboard.channels.custom.control;

import org.switchboard.channels.connector.ContactIdentity;

/**
 * A custom channel's settings as stored (JSON-B): where replies are POSTed, what the channel can
 * carry, how it knows contacts, and the signing secret sealed with SecretBox.
 */
public record CustomSettings(String webhookUrl, Boolean carriesText, Boolean carriesHtml, Boolean carriesAttachments,
                             ContactIdentity identity, String sealedSigningSecret, String secretIssuedAt) {

    public boolean text() {
        return carriesText == null || carriesText;
    }

    public boolean html() {
        return carriesHtml != null && carriesHtml;
    }

    public boolean attachments() {
        return carriesAttachments != null && carriesAttachments;
    }

    public ContactIdentity contactIdentity() {
        return identity == null ? ContactIdentity.EXTERNAL_USER_ID : identity;
    }

    public CustomSettings withSecret(String sealed, String issuedAt) {
        return new CustomSettings(webhookUrl, carriesText, carriesHtml, carriesAttachments, identity, sealed, issuedAt);
    }
}
