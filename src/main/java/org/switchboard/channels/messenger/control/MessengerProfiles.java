package org.switchboard.channels.messenger.control;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.switchboard.channels.meta.MetaGraph;
import org.switchboard.channels.meta.MetaGraph.Answer;
import org.switchboard.channels.meta.MetaGraph.GraphError;
import org.switchboard.contacts.control.ContactPictures;
import org.switchboard.platform.concurrent.Background;
import org.switchboard.platform.crypto.SecretBox;

/**
 * Names a new Messenger contact from the person's profile (first and last name) and keeps the profile
 * picture once the message that made the contact has committed. The Graph API call (up to 3 s) never
 * runs inside the processing transaction, which holds a whole batch's rows locked while it lasts. If
 * Meta does not answer, the contact's next message asks again; a contact named meanwhile (by an agent)
 * keeps its name. The picture's link is signed and expires, so its bytes are fetched at once, without
 * the page's token, from Facebook's content hosts only.
 */
@ApplicationScoped
public class MessengerProfiles {

    private static final Logger LOG = Logger.getLogger(MessengerProfiles.class.getName());
    static final Duration PROFILE_TIMEOUT = Duration.ofSeconds(3);

    /** A contact with no name yet, fired in the transaction that took in the person's message. */
    public record Unnamed(long contactId, String psid, String sealedPageToken) {
    }

    @Inject
    MetaGraph graph;

    @Inject
    SecretBox secrets;

    @Inject
    Background background;

    @Inject
    MessengerIntake intake;

    @Inject
    ContactPictures pictures;

    /** One profile request per contact at a time: a batch with several messages of one new person asks once. */
    private final Set<Long> asking = ConcurrentHashMap.newKeySet();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Unnamed unnamed) {
        if (asking.add(unnamed.contactId())) {
            background.execute(() -> {
                try {
                    ask(unnamed);
                } finally {
                    asking.remove(unnamed.contactId());
                }
            });
        }
    }

    private void ask(Unnamed unnamed) {
        try {
            Answer answer = graph.get(unnamed.psid() + "?fields=first_name,last_name,profile_pic", secrets.open(unnamed.sealedPageToken()),
                    PROFILE_TIMEOUT);
            if (!answer.ok()) {
                LOG.info(() -> "Messenger profile of " + unnamed.psid() + " not given now: " + answer.status() + " " + answer.error().map(GraphError::message).orElse(""));
                return;
            }
            String name = (answer.body().getString("first_name", "") + " " + answer.body().getString("last_name", "")).strip();
            if (!name.isEmpty()) {
                intake.nameIfUnnamed(unnamed.contactId(), name);
            }
            String picture = answer.body().getString("profile_pic", "");
            if (!picture.isEmpty() && !pictures.has(unnamed.contactId())) { // not downloaded again for a contact that has one
                keepPicture(unnamed, picture);
            }
        } catch (IOException | RuntimeException e) {
            LOG.info(() -> "Messenger profile of " + unnamed.psid() + " not fetched now: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void keepPicture(Unnamed unnamed, String link) throws IOException, InterruptedException {
        try {
            MetaGraph.Download file = graph.downloadLink(link, ContactPictures.MAX_BYTES);
            if (file.status() != 200) {
                LOG.info(() -> "Messenger profile picture of " + unnamed.psid() + " not fetched: HTTP " + file.status());
                return;
            }
            pictures.keepIfNone(unnamed.contactId(), file.contentType(), file.content());
        } catch (IllegalArgumentException refused) { // not Facebook's host, too large, or not an image
            LOG.info(() -> "Messenger profile picture of " + unnamed.psid() + " not kept: " + refused.getMessage());
        }
    }
}
