/**
 * The application's one data source and its Flyway schema migrations. The data source reads
 * SWITCHBOARD_DB_* itself, so the same WAR runs on H2 or PostgreSQL with no server configuration.
 */
package org.switchboard.platform.database;
