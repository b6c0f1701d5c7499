package org.switchboard.calls.control;

import java.util.List;

/**
 * An incoming call started ringing agents, or stopped (answered, missed, over): fired in the
 * transaction that took the event in, announced after it commits.
 *
 * @param messageId the call's message: the notice's id
 * @param agents    the agents the phone system rings as it names them; null when it does not say
 * @param country   the channel's default country, for agents' numbers written nationally
 * @param ringing   false: the call stopped ringing
 */
public record CallRings(long channelId, long messageId, List<String> agents, String country, boolean ringing) {

    public CallRings(long channelId, long messageId, List<String> agents, String country) {
        this(channelId, messageId, agents, country, true);
    }

    public static CallRings over(long channelId, long messageId) {
        return new CallRings(channelId, messageId, List.of(), null, false);
    }
}
