package org.switchboard.channels.chat.boundary;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.channels.chat.control.ChatLine;
import org.switchboard.channels.chat.control.ChatVisitors;
import org.switchboard.channels.chat.control.ChatVisitors.HostUser;
import org.switchboard.channels.chat.control.ChatVisitors.Session;
import org.switchboard.channels.chat.control.Visitor;
import org.switchboard.channels.chat.control.VisitorRefused;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.control.ChannelService.ChannelRef;
import org.switchboard.platform.live.LiveEvents;
import org.switchboard.platform.rest.ApiException;
import org.switchboard.platform.validation.OneLine;

/**
 * The widget's HTTP side, {@code /api/v1/inbound/chat/{channelKey}/…}: open a session, send, long-poll
 * for what came after the last message seen (the fallback when WebSockets are blocked), receipts.
 * No cookies: the visitor's signed token travels in the body; any site may call it (CORS, see
 * {@link ChatCors}), since the token, not the origin, says who may read a conversation.
 */
@Path("v1/inbound/chat/{channelKey}")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    static final int MAX_WAIT_SECONDS = 30;

    @Inject
    ChannelService channels;

    @Inject
    ChatVisitors visitors;

    @Inject
    LiveEvents live;

    public record UserDto(@Size(max = 200) @OneLine String id, @Size(max = 320) @OneLine String email,
                          @Size(max = 200) @OneLine String name, @Size(max = 64) String hash) {
    }

    public record SessionRequest(@Size(max = 2000) String token, @Valid UserDto user, @Pattern(regexp = "en|fi") String language) {
    }

    public record SessionResponse(String token, boolean verified, String name, boolean knownEmail, ChatVisitors.Appearance appearance,
                                  int lastSeq, boolean available) {
    }

    public record SendRequest(@NotBlank @Size(max = 2000) String token,
                              @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1 to 64 letters, digits, _ or -") String clientId,
                              @NotBlank @Size(max = 5000) String text, @Pattern(regexp = "en|fi") String language,
                              Boolean away, @Email @Size(max = 320) @OneLine String replyEmail, Boolean consent) {
    }

    public record SendResponse(String clientId, int seq) {
    }

    public record PollRequest(@NotBlank @Size(max = 2000) String token, @NotNull @Min(0) Integer after,
                              @Min(0) @Max(MAX_WAIT_SECONDS) Integer waitSeconds) {
    }

    public record Lines(List<ChatLine> messages) {
    }

    public record SeenRequest(@NotBlank @Size(max = 2000) String token, @NotNull @Min(0) Integer seq, Boolean read) {
    }

    @POST
    @Path("session")
    public SessionResponse session(@PathParam("channelKey") String key, @NotNull @Valid SessionRequest request) {
        ChannelRef channel = chat(key);
        try {
            Session session = visitors.open(channel, request.token(), request.user() == null ? null
                    : new HostUser(request.user().id(), request.user().email(), request.user().name(), request.user().hash()), request.language());
            return new SessionResponse(session.token(), session.visitor().verified(), session.visitor().name(),
                    session.visitor().verified() && session.visitor().email() != null, session.appearance(), session.lastSeq(), session.available());
        } catch (VisitorRefused refused) {
            throw new ApiException(Response.Status.FORBIDDEN, refused.getMessage(), List.of(refused.reason().name()));
        }
    }

    @POST
    @Path("messages")
    public SendResponse send(@PathParam("channelKey") String key, @NotNull @Valid SendRequest request) {
        ChannelRef channel = chat(key);
        Visitor visitor = visitor(channel, request.token());
        if (!channel.enabled()) {
            throw new ApiException(Response.Status.CONFLICT, "This chat is not taking messages now.");
        }
        // a refusal ("consent: …", "replyEmail: …") is a 400 naming the field, by the API's exception mapper
        boolean consented = Boolean.TRUE.equals(request.consent());
        int seq = Boolean.TRUE.equals(request.away())
                ? visitors.sendAway(visitor, request.clientId(), request.text(), request.language(), consented, request.replyEmail())
                : visitors.send(visitor, request.clientId(), request.text(), request.language(), consented);
        return new SendResponse(request.clientId(), seq);
    }

    /** Answers at once with what came after {@code after}, or waits up to {@code wait} seconds for something to come. */
    @POST
    @Path("poll")
    public void poll(@PathParam("channelKey") String key, @NotNull @Valid PollRequest request, @Suspended AsyncResponse async) {
        Visitor visitor = visitor(chat(key), request.token());
        int after = request.after();
        List<ChatLine> now = visitors.after(visitor, after);
        int wait = request.waitSeconds() == null ? 0 : request.waitSeconds();
        if (!now.isEmpty() || wait == 0) {
            async.resume(new Lines(now));
            return;
        }
        AtomicBoolean answered = new AtomicBoolean();
        AtomicReference<LiveEvents.Subscription> subscription = new AtomicReference<>();
        Runnable check = () -> {
            List<ChatLine> lines = visitors.after(visitor, after);
            if (!lines.isEmpty() && answered.compareAndSet(false, true)) {
                subscription.get().close();
                async.resume(new Lines(lines));
            }
        };
        async.setTimeout(wait, TimeUnit.SECONDS);
        async.setTimeoutHandler(timedOut -> {
            if (answered.compareAndSet(false, true)) {
                subscription.get().close();
                timedOut.resume(new Lines(List.of()));
            }
        });
        subscription.set(live.subscribe(visitor.topic(), check));
        check.run(); // a message that came between the first read and the subscription
    }

    @POST
    @Path("seen")
    public Response seen(@PathParam("channelKey") String key, @NotNull @Valid SeenRequest request) {
        visitors.seen(visitor(chat(key), request.token()), request.seq(), Boolean.TRUE.equals(request.read()));
        return Response.noContent().build();
    }

    /** CORS preflight for every path here; the headers themselves are added by {@link ChatCors}. */
    @OPTIONS
    @Path("{path: .*}")
    public Response preflight() {
        return Response.noContent().build();
    }

    private ChannelRef chat(String key) {
        return channels.byPublicKey(key).filter(c -> visitors.isChat(c.id()))
                .orElseThrow(() -> new ApiException(Response.Status.NOT_FOUND, "No chat channel with key " + key));
    }

    private Visitor visitor(ChannelRef channel, String token) {
        return visitors.visitor(channel, token).orElseThrow(() -> new ApiException(Response.Status.UNAUTHORIZED,
                "The visitor token is not valid for this chat; open a session first.", List.of("token")));
    }
}
