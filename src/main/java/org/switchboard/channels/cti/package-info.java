/**
 * A phone system's CTI webhook (the generic shape Zammad, Placetel and sipgate use): the phone system
 * posts {@code newCall}, {@code answer} and {@code hangup} to {@code /webhooks/calls/{token}}, as a
 * form or as JSON; each event is journaled raw and applied to its call by the shared {@code calls}
 * feature. The answer to {@code newCall} tells the phone system to reject a blocked caller, or which
 * caller id to show on an outbound call. Settings: the token (sealed), the default country for
 * numbers written nationally, voicemail numbers, blocked numbers, the outbound caller id and when a
 * call with no hangup is closed.
 */
package org.switchboard.channels.cti;
