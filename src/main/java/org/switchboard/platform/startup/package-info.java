/** What happens when Switchboard starts: settings check, schema migration, first-start seeding. */
package org.switchboard.platform.startup;
