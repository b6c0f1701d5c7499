package org.switchboard.channels.chat.boundary;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import org.switchboard.channels.chat.control.ChatLine;
import org.switchboard.channels.chat.control.ChatVisitors;
import org.switchboard.channels.chat.control.Visitor;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.control.ChannelService.ChannelRef;
import org.switchboard.platform.live.LiveEvents;
import org.switchboard.platform.json.Jsonp;

/**
 * The widget's live connection, {@code /widget/socket/{channelKey}}. JSON text frames:
 * the widget says {@code hello} (its token and the last sequence number it saw) and gets everything
 * after it; then {@code send} (the widget's own message id and text) → {@code accepted} with the
 * message's place; {@code seen} → receipts. Whenever the visitor's conversation changes the
 * server pushes the new {@code messages}. A widget that reconnects says hello with its last
 * number again and resends what was not accepted: nothing is lost, nothing doubled.
 * A programmatic endpoint, registered by {@link ChatSocketRegistration} (one instance per connection).
 */
public class ChatSocket extends Endpoint {

    static final String PATH = "/widget/socket/{channelKey}";

    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();
    static final int MAX_FRAME = 16 * 1024;
    static final long IDLE_MILLIS = 10 * 60 * 1000L;

    private ChatVisitors visitors;
    private ChannelService channels;
    private LiveEvents live;

    private Session session;
    private ChannelRef channel;
    private Visitor visitor;
    private int cursor;
    private LiveEvents.Subscription subscription;
    private IdleChatSockets idle;
    private volatile long lastHeardNanos = System.nanoTime();

    /**
     * The handler goes on first, before the channel look-up: a widget says hello the moment the
     * handshake is done, and a frame that came before the handler would have had no one to answer
     * it. Frames wait for the open to finish (both hold this connection's lock).
     */
    @Override
    public synchronized void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.setMaxTextMessageBufferSize(MAX_FRAME);
        // no session.setMaxIdleTimeout: Tyrus (Payara) closed the session at once when it was set while the
        // first frame was being received (its timer, scheduled with the old timeout of 0, fires with the new one);
        // a third of the benchmark's unanswered hellos. IdleChatSockets closes silent sockets instead.
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::answer);
        visitors = CDI.current().select(ChatVisitors.class).get();
        channels = CDI.current().select(ChannelService.class).get();
        live = CDI.current().select(LiveEvents.class).get();
        idle = CDI.current().select(IdleChatSockets.class).get();
        idle.opened(this);
        channel = channels.byPublicKey(channelKey()).filter(c -> visitors.isChat(c.id())).orElse(null);
        if (channel == null) {
            closeQuietly(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "No chat channel with this key"));
        }
    }

    /** Every frame gets an answer: a failure here (the database busy, say) is said to the widget, which tries again, and logged. */
    private synchronized void answer(String text) {
        lastHeardNanos = System.nanoTime();
        if (channel == null) {
            return; // closed in onOpen
        }
        try {
            frame(text);
        } catch (IOException closed) {
            LOG.log(Level.FINE, "Chat frame not answered; the connection closed", closed);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "A chat frame failed; the widget is told to try again", failed);
            try {
                reply(Jsonp.objectBuilder().add("type", "error").add("message", "Not answered yet; trying again.").add("retry", true));
            } catch (IOException closed) {
                LOG.log(Level.FINE, "Chat frame not answered; the connection closed", closed);
            }
        }
    }

    void frame(String text) throws IOException {
        JsonObject frame;
        try {
            frame = Jsonp.object(text);
        } catch (JsonParsingException | ClassCastException | IllegalStateException notJson) {
            error(null, "Frames are JSON objects", null);
            return;
        }
        String type = frame.getString("type", "");
        switch (type) {
            case "hello" -> hello(frame);
            case "send" -> send(frame);
            case "seen" -> seen(frame);
            case "ping" -> reply(Jsonp.objectBuilder().add("type", "pong"));
            default -> error(null, "Unknown frame type '" + type + "'", "type");
        }
    }

    private void hello(JsonObject frame) throws IOException {
        Optional<Visitor> known = visitors.visitor(channel, frame.getString("token", null));
        if (known.isEmpty()) {
            error(null, "The visitor token is not valid for this chat; open a session first.", "token");
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Invalid visitor token"));
            return;
        }
        if (subscription != null) {
            subscription.close();
        }
        visitor = known.get();
        synchronized (this) {
            cursor = Math.max(0, frame.getInt("after", 0));
        }
        reply(Jsonp.objectBuilder().add("type", "ready"));
        subscription = live.subscribe(visitor.topic(), this::pushNew);
        pushNew();
    }

    private void send(JsonObject frame) throws IOException {
        String clientId = frame.getString("clientId", "");
        String text = frame.getString("text", "");
        if (visitor == null) {
            error(clientId, "Say hello with the visitor token first", "token");
        } else if (!clientId.matches("[A-Za-z0-9_-]{1,64}")) {
            error(clientId, "clientId must be 1 to 64 letters, digits, _ or -", "clientId");
        } else if (text.isBlank() || text.length() > 5000) {
            error(clientId, "text must be 1 to 5000 characters", "text");
        } else if (!channels.byPublicKey(channelKey()).map(ChannelRef::enabled).orElse(false)) {
            error(clientId, "This chat is not taking messages now.", null);
        } else {
            int seq;
            try {
                boolean consented = frame.getBoolean("consent", false);
                seq = frame.getBoolean("away", false)
                        ? visitors.sendAway(visitor, clientId, text, frame.getString("language", null), consented, frame.getString("replyEmail", null))
                        : visitors.send(visitor, clientId, text, frame.getString("language", null), consented);
            } catch (IllegalArgumentException refused) {
                error(clientId, refused.getMessage(), refused.getMessage().substring(0, Math.max(0, refused.getMessage().indexOf(':'))));
                return;
            } catch (RuntimeException notNow) {
                LOG.log(Level.WARNING, "A chat message was not taken in; the widget sends it again", notNow);
                error(clientId, "Not sent yet; trying again.", null);
                return;
            }
            reply(Jsonp.objectBuilder().add("type", "accepted").add("clientId", clientId).add("seq", seq));
        }
    }

    private void seen(JsonObject frame) throws IOException {
        if (visitor == null) {
            error(null, "Say hello with the visitor token first", "token");
            return;
        }
        visitors.seen(visitor, Math.max(0, frame.getInt("seq", 0)), frame.getBoolean("read", false));
    }

    /** Sends what came after the cursor; one push at a time per connection, so nothing goes twice or out of order. */
    private synchronized void pushNew() {
        if (visitor == null || !session.isOpen()) {
            return;
        }
        List<ChatLine> lines = visitors.after(visitor, cursor);
        if (lines.isEmpty()) {
            return;
        }
        try {
            session.getBasicRemote().sendText("{\"type\":\"messages\",\"messages\":" + JSONB.toJson(lines) + "}");
            cursor = lines.get(lines.size() - 1).seq();
        } catch (IOException closed) {
            LOG.log(Level.FINE, "Chat push not delivered; the widget catches up when it reconnects", closed);
        }
    }

    private String channelKey() {
        return session.getPathParameters().get("channelKey");
    }

    private synchronized void reply(JsonObjectBuilder frame) throws IOException {
        if (session.isOpen()) {
            session.getBasicRemote().sendText(frame.build().toString());
        }
    }

    private void error(String clientId, String message, String field) throws IOException {
        JsonObjectBuilder frame = Jsonp.objectBuilder().add("type", "error").add("message", message);
        if (clientId != null) {
            frame.add("clientId", clientId);
        }
        if (field != null) {
            frame.add("field", field);
        }
        reply(frame);
    }

    @Override
    public void onClose(Session closedSession, CloseReason reason) {
        closed();
    }

    @Override
    public void onError(Session failedSession, Throwable error) {
        LOG.log(Level.FINE, "Chat socket failed", error);
        closed();
    }

    private void closed() {
        if (subscription != null) {
            subscription.close();
        }
        if (idle != null) {
            idle.closed(this);
        }
    }

    /** Whether the widget has said nothing (not even its ping) for longer than {@value #IDLE_MILLIS} ms. */
    boolean silentSince(long nowNanos) {
        return nowNanos - lastHeardNanos > java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
    }

    void closeSilent() {
        closeQuietly(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Silent too long"));
    }

    private void closeQuietly(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException alreadyClosed) {
            LOG.log(Level.FINE, "Chat socket already closed", alreadyClosed);
        }
    }
}
