package org.switchboard.channels.chat.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Each chat channel's bot flow ({@code chat_flows}, JSON): at most one; none means live chat only. */
@ApplicationScoped
@Transactional
public class ChatFlows {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    @PersistenceContext
    EntityManager em;

    public Optional<ChatFlow> of(long channelId) {
        return em.createNativeQuery("SELECT definition FROM chat_flows WHERE channel_id = ?").setParameter(1, channelId)
                .getResultStream().findFirst().map(json -> read(json.toString()));
    }

    /** Replaces the channel's flow; the flow must pass {@link ChatFlow#checked()}. Visitors in the middle of the old one go on from the step of the same id, or to a person. */
    public ChatFlow save(long channelId, ChatFlow flow) {
        ChatFlow checked = flow.checked();
        String json = JSON.toJson(checked);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = em.createNativeQuery("UPDATE chat_flows SET definition = ?, updated_at = ? WHERE channel_id = ?")
                .setParameter(1, json).setParameter(2, now).setParameter(3, channelId).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO chat_flows (channel_id, definition, updated_at) VALUES (?, ?, ?)")
                    .setParameter(1, channelId).setParameter(2, json).setParameter(3, now).executeUpdate();
        }
        return checked;
    }

    /** The channel becomes live chat only; visitors the bot was talking to go to a person with their next message. */
    public boolean remove(long channelId) {
        return em.createNativeQuery("DELETE FROM chat_flows WHERE channel_id = ?").setParameter(1, channelId).executeUpdate() > 0;
    }

    static ChatFlow read(String json) {
        return JSON.fromJson(json, ChatFlow.class);
    }

    static String write(ChatFlow flow) {
        return JSON.toJson(flow);
    }
}
