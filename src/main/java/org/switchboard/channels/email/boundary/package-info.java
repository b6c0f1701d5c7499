/** Email channel endpoints (account settings, mail piped in by an MTA) and the mailbox and delivery schedules. */
package org.switchboard.channels.email.boundary;
