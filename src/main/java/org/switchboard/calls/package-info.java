/**
 * Calls, as every calling channel kind (a phone system's CTI webhook, Twilio) takes them in: a call's
 * events — ringing, answered, ended — applied to one call ({@code conversations.entity.Call}, a message
 * of kind call) however often and in whatever order they arrive; what a call does to its ticket (held
 * from routing while it rings, given to the agent who answered, routed for a call-back when missed or
 * a voicemail); calls that never got their end event, closed by time; phone numbers as people write
 * them, read to E.164. Not a channel kind itself: the kinds parse their providers' formats into
 * {@link org.switchboard.calls.control.CallEvent}s and hand them here.
 */
package org.switchboard.calls;
