/**
 * The one outbound queue of every channel: a reply is stored, claimed under a row lock, sent once
 * by its kind's {@link org.switchboard.outbound.control.MessageSender}, retried with backoff when
 * the failure is transient, failed at once when it is permanent; delivery states never go back.
 */
package org.switchboard.outbound;
