/** Batch imports: historical mailboxes and archives into the help desk, and moving inbox channels to the help desk. */
package org.switchboard.imports;
