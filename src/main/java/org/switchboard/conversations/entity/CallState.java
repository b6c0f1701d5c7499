package org.switchboard.conversations.entity;

/**
 * Where a call stands. RINGING and IN_PROGRESS are live; the others are final: a final call is never
 * reopened by a late or repeated event.
 */
public enum CallState {
    RINGING, IN_PROGRESS, ANSWERED, MISSED, VOICEMAIL, FAILED;

    public boolean live() {
        return this == RINGING || this == IN_PROGRESS;
    }

    /** Someone should call back: nobody spoke with the caller, or they left a voicemail. */
    public boolean needsCallBack() {
        return this == MISSED || this == VOICEMAIL;
    }
}
