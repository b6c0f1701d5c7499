package org.switchboard.settings.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.channels.connector.ChannelConnectors;
import org.switchboard.channels.connector.Connection;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * Settings → Channels: every channel with its type, connection state (as its kind's connector
 * tells it) and on/off toggle; connecting a new one of any kind this build has a connector for.
 */
@Named
@ViewScoped
public class ChannelsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChannelService channels;

    @Inject
    transient ChannelConnectors connectors;

    @Inject
    transient Texts texts;

    private List<Row> rows = List.of();
    private List<Kind> kinds = List.of();

    public record Row(ChannelView channel, Connection connection) {
        public boolean isEnabled() {
            return channel.enabled();
        }
    }

    /** A kind an admin can connect, and the page that connects it. */
    public record Kind(String kind, String connectPage) {
    }

    @PostConstruct
    void init() {
        load();
    }

    private void load() {
        List<Row> loaded = new ArrayList<>();
        for (ChannelView channel : channels.list()) {
            loaded.add(new Row(channel, connectors.of(channel.type()).map(c -> c.connection(channel.id()))
                    .orElse(Connection.error(texts.get("channels.noConnector")))));
        }
        rows = loaded;
        kinds = connectors.all().stream().map(c -> new Kind(c.kind(), c.connectPage())).toList();
    }

    public void toggle(long channelId, boolean enabled) {
        channels.enable(channelId, enabled);
        Pages.info(texts.get(enabled ? "channels.enabled" : "channels.disabled"));
        load();
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Kind> getKinds() {
        return kinds;
    }
}
