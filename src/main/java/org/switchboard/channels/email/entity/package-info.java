/** Channel addresses and the sync state of IMAP mailboxes. */
package org.switchboard.channels.email.entity;
