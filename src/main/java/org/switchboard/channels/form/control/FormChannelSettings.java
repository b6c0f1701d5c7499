package org.switchboard.channels.form.control;

import org.switchboard.channels.connector.TypedSettings;
import org.switchboard.channels.entity.Channel;

/** A FORM channel's own settings: the team email channel whose address answers the submitters. */
public record FormChannelSettings(Long replyChannelId) {

    public static FormChannelSettings of(Channel channel) {
        String json = channel == null ? null : channel.getTypeSettings();
        return json == null || json.isBlank() ? new FormChannelSettings(null) : TypedSettings.read(json, FormChannelSettings.class);
    }

    public String toJson() {
        return TypedSettings.write(this);
    }
}
