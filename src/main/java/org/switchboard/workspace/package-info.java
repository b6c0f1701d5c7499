/**
 * The agents' work on tickets: the tickets REST API (list, detail, edit, replies, notes) and the
 * workspace screens — ticket views with counts, the ticket page, safe display of mail, live updates.
 */
package org.switchboard.workspace;
