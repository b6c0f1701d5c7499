/**
 * The inbound journal: every payload from every channel is stored raw, committed, and only then
 * processed, so a crash or a failure never loses an item.
 */
package org.switchboard.inbound;
