package org.switchboard.imports.control;

import org.switchboard.inbound.control.InboundMessage;

/** One parsed historical mail on its way to the writer; {@code teamMail} when the team address sent it. */
public record ImportItem(String part, String position, String resumeAfter, InboundMessage message, boolean teamMail) {
}
