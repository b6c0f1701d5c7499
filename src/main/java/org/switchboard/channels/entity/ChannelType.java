package org.switchboard.channels.entity;

/** The kinds of channel a company can connect. */
public enum ChannelType {
    TEAM_EMAIL, CHAT, FACEBOOK_MESSENGER, FORM, WHATSAPP, CALLING, CUSTOM
}
