/**
 * The channel seam: what every kind of channel provides (its connector, found by CDI) and what
 * shared code may ask of a kind. Shared code names no kind; it asks {@link org.switchboard.channels.connector.ChannelConnectors}.
 */
package org.switchboard.channels.connector;
