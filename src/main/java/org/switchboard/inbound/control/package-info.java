/** Journal, parse, intake and retry of inbound payloads, shared by every channel. */
package org.switchboard.inbound.control;
