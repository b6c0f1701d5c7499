/**
 * Website chat: the widget a company puts on its pages ({@code /widget/v1.js}), its visitors' sessions
 * (signed tokens, identities verified by the host site), their messages over a WebSocket or long polls,
 * and agents' replies delivered to the widget. Visitor messages go through the inbound journal with the
 * widget's own message id, so a resend after a reconnect is one message.
 */
package org.switchboard.channels.chat;
