package org.switchboard.channels.email.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.channels.connector.ChannelConnector;
import org.switchboard.channels.connector.Composer;
import org.switchboard.channels.connector.Connection;
import org.switchboard.channels.connector.ContactIdentity;
import org.switchboard.channels.email.control.EmailDtos.EmailAccountView;

/**
 * Team email on the channel seam: the one place that names the kind. Receiving is
 * {@link MailboxWatcher} (IMAP) and {@code ForwardedMailResource} (an MTA pipes raw mail to
 * {@code /api/v1/inbound/email/{key}}), both parsed by {@link EmailPayloadParser}; sending is
 * {@link EmailSender}.
 */
@ApplicationScoped
public class EmailConnector implements ChannelConnector {

    public static final String KIND = "TEAM_EMAIL";

    @Inject
    EmailChannelService accounts;

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
        return "/settings/connect-email.xhtml";
    }

    @Override
    public String editFragment() {
        return "/WEB-INF/channels/email/edit.xhtml";
    }

    @Override
    public Connection connection(long channelId) {
        EmailAccountView account;
        try {
            account = accounts.get(channelId).orElse(null);
        } catch (IllegalStateException unreadable) {
            return Connection.error(unreadable.getMessage()); // one broken channel never hides the others
        }
        if (account == null) {
            return Connection.notConnected(null);
        }
        String error = account.sync() == null ? null : account.sync().lastError();
        return error == null ? Connection.connected(account.address()) : Connection.error(error);
    }

    @Override
    public Composer composer(long channelId, String agentFullName) {
        String agent = agentFullName == null ? "" : agentFullName;
        return accounts.get(channelId).map(account -> new Composer(
                SenderLook.fromLine(account.fromNameMode(), account.companyName(), agent, account.address()),
                SenderLook.signatureText(account.signature(), account.signatureHtml(), agent), null)).orElse(Composer.PLAIN);
    }
}
