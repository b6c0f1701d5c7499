/**
 * What Meta's channels (WhatsApp Business, Facebook Messenger) share: the webhook handshake
 * ({@code hub.challenge}), the {@code X-Hub-Signature-256} check on raw bytes, and the Graph API's
 * base URL and error answers. Not a channel kind itself.
 */
package org.switchboard.channels.meta;
