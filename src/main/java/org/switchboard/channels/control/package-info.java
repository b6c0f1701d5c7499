/** Channel administration: create, update, enable, disable, and preview routing rules. */
package org.switchboard.channels.control;
