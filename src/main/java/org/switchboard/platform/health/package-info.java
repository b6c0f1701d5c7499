/** MicroProfile Health checks: ready once startup finished and the database answers. */
package org.switchboard.platform.health;
