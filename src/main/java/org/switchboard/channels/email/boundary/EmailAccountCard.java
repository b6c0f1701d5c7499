package org.switchboard.channels.email.boundary;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.channels.email.control.EmailChannelService;
import org.switchboard.channels.email.control.EmailDtos.EmailAccountView;
import org.switchboard.platform.faces.Pages;

/** The email account card on a channel's edit page: read once per request, whatever the page asks. */
@Named
@RequestScoped
public class EmailAccountCard {

    @Inject
    EmailChannelService email;

    private final Map<Long, Optional<EmailAccountView>> read = new HashMap<>();

    /** The channel's account, or null when none is connected (or the stored one is unreadable: said once as an error). */
    public EmailAccountView of(long channelId) {
        return read.computeIfAbsent(channelId, id -> {
            try {
                return email.get(id);
            } catch (IllegalStateException unreadable) {
                Pages.error(unreadable.getMessage()); // shown as not connected; connecting again replaces the settings
                return Optional.empty();
            }
        }).orElse(null);
    }
}
