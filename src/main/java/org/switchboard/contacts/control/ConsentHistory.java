package org.switchboard.contacts.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import org.switchboard.platform.i18n.Texts;

/** The consents a contact gave on channels (chat, Messenger), on their card: the channel, the mode and the words they accepted. */
@ApplicationScoped
public class ConsentHistory implements ContactHistory {

    @Inject
    ChannelConsents consents;

    @Inject
    Texts texts;

    @Override
    public List<Record> of(long contactId) {
        return consents.ofContact(contactId).stream()
                .map(c -> new Record(c.acceptedAt(), texts.get("chat.consentRecord", c.channel()), List.of(
                        new Line(texts.get("chat.consentMode"), mode(c.mode())),
                        new Line(texts.get("chat.consentAccepted"), c.text()))))
                .toList();
    }

    private String mode(String mode) {
        return switch (mode) {
            case "EXPLICIT" -> texts.get("chat.consent.EXPLICIT");
            case "IMPLICIT" -> texts.get("chat.consent.IMPLICIT");
            default -> texts.get("chat.consent.NONE");
        };
    }
}
