package org.switchboard.channels.boundary;

import java.util.Locale;
import java.util.MissingResourceException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.channels.connector.ChannelConnector;
import org.switchboard.channels.connector.ChannelConnectors;

/** {@code #{channelKinds.name(kind)}} and {@code description(kind)} for pages, in the reader's language, from the kind's own texts. */
@Named
@RequestScoped
public class ChannelKinds {

    @Inject
    ChannelConnectors connectors;

    public String name(String kind) {
        return text(kind, "name");
    }

    public String description(String kind) {
        return text(kind, "description");
    }

    private String text(String kind, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
        ChannelConnector connector = connectors.of(kind).orElse(null);
        if (connector == null) {
            return kind; // a kind this build has no connector for: its stored name is all there is
        }
        try {
            return connector.texts(locale).getString(key);
        } catch (MissingResourceException missing) {
            return kind;
        }
    }
}
