/** Reading mail, connecting accounts, fetching mailboxes over IMAP and sending replies over SMTP. */
package org.switchboard.channels.email.control;
