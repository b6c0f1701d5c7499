/**
 * Reads and validates Switchboard's settings (MicroProfile Config, overridable by SWITCHBOARD_*
 * environment variables); a wrong setting stops startup with a message naming it.
 */
package org.switchboard.platform.config;
