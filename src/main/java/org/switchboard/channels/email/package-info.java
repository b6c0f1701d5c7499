/** Team email: shared mailboxes over IMAP/SMTP or forwarding, MIME parsing, threading, loop protection and replies. */
package org.switchboard.channels.email;
