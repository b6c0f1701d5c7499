/**
 * Channels: where conversations come from (team email, chat, Messenger, form, WhatsApp, calling,
 * custom), whether they feed the help desk or a shared inbox, their ticket defaults and routing rule.
 */
package org.switchboard.channels;
