/** The channels REST API. */
package org.switchboard.channels.boundary;
