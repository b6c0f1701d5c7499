/**
 * Cross-cutting plumbing that every feature stands on: configuration, the database and its
 * schema migrations, encryption of stored secrets, startup seeding and health checks.
 */
package org.switchboard.platform;
