/** Mail sources (IMAP folders, mbox, Maildir and .eml archives), the idempotent import writer, and job control. */
package org.switchboard.imports.control;
