package org.switchboard.channels.messenger.boundary;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.SessionScoped;

/**
 * One admin's Facebook Login in progress, kept in their session across the trip to Facebook: the
 * state the dialog must send back (checked in constant time, so another site cannot complete a
 * login for them), what the connection is for (a new channel's name, or the channel to reconnect),
 * the Meta app, and after the return the admin's pages with their page tokens — sealed, and never
 * sent to the browser.
 */
@SessionScoped
public class MessengerLogin implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A page the admin may pick, its token sealed. */
    public record PendingPage(String id, String name, String category, boolean admin, String sealedToken) implements Serializable {
    }

    private String state;
    private Long channelId;
    private String channelName;
    private String appId;
    private String sealedAppSecret;
    private String redirectUri;
    private List<PendingPage> pages = List.of();

    /** Starts a login: returns the state the dialog carries. */
    public synchronized String begin(Long forChannel, String name, String app, String sealedSecret, String redirect) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        state = HexFormat.of().formatHex(bytes);
        channelId = forChannel;
        channelName = name;
        appId = app;
        sealedAppSecret = sealedSecret;
        redirectUri = redirect;
        pages = List.of();
        return state;
    }

    public synchronized boolean expects(String returnedState) {
        return state != null && returnedState != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), returnedState.getBytes(StandardCharsets.UTF_8));
    }

    /** The code was used: the same state never completes a second login. */
    public synchronized void returned(List<PendingPage> found) {
        state = null;
        pages = List.copyOf(found);
    }

    public synchronized void finish() {
        state = null;
        pages = List.of();
    }

    public synchronized List<PendingPage> pages() { return pages; }
    public synchronized Long channelId() { return channelId; }
    public synchronized String channelName() { return channelName; }
    public synchronized String appId() { return appId; }
    public synchronized String sealedAppSecret() { return sealedAppSecret; }
    public synchronized String redirectUri() { return redirectUri; }
}
