/**
 * Encryption at rest for stored secrets (mailbox passwords, OAuth tokens, webhook secrets) with
 * the key from SWITCHBOARD_SECRET_KEY, or one generated into the data folder.
 */
package org.switchboard.platform.crypto;
