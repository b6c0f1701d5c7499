package org.switchboard.channels.form.control;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.connector.ChannelConnector;
import org.switchboard.channels.connector.ChannelConnectors;
import org.switchboard.channels.connector.Composer;
import org.switchboard.channels.connector.Connection;
import org.switchboard.channels.connector.ContactIdentity;
import org.switchboard.channels.entity.Channel;
import org.switchboard.platform.i18n.Texts;

/**
 * Forms on the seam. Receiving is the hosted page's post ({@code /forms/{key}}, {@link FormIntake});
 * submitters are known by their email address. A form is defined and connected under Settings → Forms.
 */
@ApplicationScoped
public class FormConnector implements ChannelConnector {

    public static final String KIND = "FORM";

    @PersistenceContext
    EntityManager em;

    @Inject
    Texts texts;

    /** A provider: the connectors include this one. */
    @Inject
    Provider<ChannelConnectors> connectors;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ContactIdentity identity() {
        return ContactIdentity.EMAIL;
    }

    @Override
    public String connectPage() {
        return "/settings/forms.xhtml";
    }

    /** The channel page shows its form, who answers it and what the spam defence refused. */
    @Override
    public String editFragment() {
        return "/WEB-INF/channels/form/edit.xhtml";
    }

    /** The channel list shows the hosted page of the form the channel takes submissions from. */
    @Override
    @Transactional
    public Connection connection(long channelId) {
        return em.createQuery("SELECT f.formKey FROM Form f WHERE f.channelId = :c", String.class).setParameter("c", channelId)
                .getResultStream().findFirst().map(key -> Connection.connected("/forms/" + key))
                .orElseGet(() -> Connection.notConnected(null));
    }

    @Override
    @Transactional
    public OptionalLong repliesThrough(long channelId) {
        Long replies = FormChannelSettings.of(em.find(Channel.class, channelId)).replyChannelId();
        return replies == null ? OptionalLong.empty() : OptionalLong.of(replies);
    }

    /** The reply box of the email channel that answers, or a notice that none is named yet. */
    @Override
    @Transactional
    public Composer composer(long channelId, String agentFullName) {
        OptionalLong replies = repliesThrough(channelId);
        Channel through = replies.isEmpty() ? null : em.find(Channel.class, replies.getAsLong());
        if (through == null) {
            return new Composer(null, null, texts.get("forms.noReplyChannel"));
        }
        return connectors.get().of(through.getType()).map(c -> c.composer(through.getId(), agentFullName)).orElse(Composer.PLAIN);
    }
}
