/** The agents' workspace: ticket views with counts, the ticket page, safe display of mail, live updates. */
package org.switchboard.workspace;
