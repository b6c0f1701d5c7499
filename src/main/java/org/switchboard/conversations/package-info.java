/** Conversations on a channel with a contact, their messages (in, out, internal notes) and attachments. */
package org.switchboard.conversations;
