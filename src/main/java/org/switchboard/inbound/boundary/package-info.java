/** The generic inbound endpoint, the admin view of the journal, and the retry schedule. */
package org.switchboard.inbound.boundary;
