package org.switchboard.outbound.control;

/** A message that can never be sent as it is; the reason is shown on it. */
public class PermanentFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermanentFailure(String reason) {
        super(reason);
    }
}
