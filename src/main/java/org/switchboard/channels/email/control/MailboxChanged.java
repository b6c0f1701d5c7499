package org.switchboard.channels.email.control;

/** A channel's email account was connected or edited: its mailbox watcher restarts with the new settings. */
public record MailboxChanged(long channelId) {
}
