/** Ticket pipelines and their ordered stages; a stage marked closed closes the ticket. */
package org.switchboard.pipelines;
