package org.switchboard.calls.control;

/**
 * Click-to-call for a calling kind whose provider can place calls (Twilio: ring the agent's calling
 * address, then the contact). One bean per kind at most, matched by {@link #kind()}. The call is then
 * logged like any other: the provider's events move it on.
 */
public interface CallPlacer {

    String kind();

    /**
     * Asks the provider to place the call; answers the provider's id of it.
     *
     * @throws CallNotPlaced with the reason an agent can act on (no calling address, the provider refused)
     */
    String place(long channelId, long agentId, String customerNumber) throws CallNotPlaced;

    /** Why a call could not be placed, in words for the agent. */
    class CallNotPlaced extends Exception {
        private static final long serialVersionUID = 1L;

        public CallNotPlaced(String message) {
            super(message);
        }
    }
}
