package org.switchboard.settings.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.email.control.EmailChannelService;
import org.switchboard.channels.email.control.EmailDtos.EmailAccountView;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.channels.entity.ChannelType;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/** Settings → Channels: every channel with its type, connection state and on/off toggle; connecting a new one. */
@Named
@ViewScoped
public class ChannelsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChannelService channels;

    @Inject
    transient EmailChannelService email;

    @Inject
    transient Texts texts;

    private List<Row> rows = List.of();
    private String customName;

    /** Connection: CONNECTED, NOT_CONNECTED (an email channel without an account) or ERROR (the last sync failed). */
    public enum Connection {
        CONNECTED, NOT_CONNECTED, ERROR
    }

    public record Row(ChannelView channel, Connection connection, String detail) {
        public boolean isEnabled() {
            return channel.enabled();
        }
    }

    @PostConstruct
    void init() {
        load();
    }

    private void load() {
        List<Row> loaded = new ArrayList<>();
        for (ChannelView channel : channels.list()) {
            loaded.add(row(channel));
        }
        rows = loaded;
    }

    private Row row(ChannelView channel) {
        if (channel.type() != ChannelType.TEAM_EMAIL) {
            return new Row(channel, Connection.CONNECTED, null);
        }
        EmailAccountView account;
        try {
            account = email.get(channel.id()).orElse(null);
        } catch (IllegalStateException unreadable) {
            return new Row(channel, Connection.ERROR, unreadable.getMessage()); // one broken channel never hides the others
        }
        if (account == null) {
            return new Row(channel, Connection.NOT_CONNECTED, null);
        }
        String error = account.sync() == null ? null : account.sync().lastError();
        return new Row(channel, error == null ? Connection.CONNECTED : Connection.ERROR, error != null ? error : account.address());
    }

    public void toggle(long channelId, boolean enabled) {
        channels.enable(channelId, enabled);
        Pages.info(texts.get(enabled ? "channels.enabled" : "channels.disabled"));
        load();
    }

    /** A custom channel needs only a name: it receives messages at the generic inbound endpoint. */
    public String connectCustom() {
        if (customName == null || customName.isBlank()) {
            Pages.error(texts.get("channels.nameRequired"));
            return null;
        }
        ChannelView created = channels.create(new ChannelRequest(ChannelType.CUSTOM, customName.strip(), ChannelDestination.HELP_DESK,
                null, null, true, null, null, null));
        Pages.infoAfterRedirect(texts.get("channels.created", created.name()));
        return "/settings/channel.xhtml?faces-redirect=true&id=" + created.id();
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getCustomName() {
        return customName;
    }

    public void setCustomName(String customName) {
        this.customName = customName;
    }
}
