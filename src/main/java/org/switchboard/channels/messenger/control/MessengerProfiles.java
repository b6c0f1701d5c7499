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
import org.switchboard.platform.concurrent.Background;
import org.switchboard.platform.crypto.SecretBox;

/**
 * Names a new Messenger contact from the person's profile (first and last name) once the message
 * that made the contact has committed. The Graph API call (up to 3 s) never runs inside the
 * processing transaction, which holds a whole batch's rows locked while it lasts. If Meta does not
 * answer, the contact's next message asks again; a contact named meanwhile (by an agent) keeps its name.
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
            Answer answer = graph.get(unnamed.psid() + "?fields=first_name,last_name", secrets.open(unnamed.sealedPageToken()), PROFILE_TIMEOUT);
            String name = (answer.body().getString("first_name", "") + " " + answer.body().getString("last_name", "")).strip();
            if (answer.ok() && !name.isEmpty()) {
                intake.nameIfUnnamed(unnamed.contactId(), name);
            }
        } catch (IOException | RuntimeException e) {
            LOG.info(() -> "Messenger profile of " + unnamed.psid() + " not fetched now: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
