package org.switchboard.channels.form.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelDtos.RoutingDto;
import org.switchboard.channels.control.ChannelDtos.TicketDefaultsDto;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.connector.ChannelConnectors;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.channels.form.entity.Form;
import org.switchboard.platform.crypto.SecretBox;
import org.switchboard.platform.validation.OneLine;
import org.switchboard.platform.validation.SingleLine;

/** Forms for admins (define, connect to the help desk, remove from it) and for the public page; each method one transaction. */
@ApplicationScoped
@Transactional
public class FormService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    ChannelService channels;

    @Inject
    FormGuard guard;

    @Inject
    ChannelConnectors connectors;

    @Inject
    SecretBox secrets;

    public record FormRequest(@NotBlank @Size(max = 100) @OneLine String name, @NotNull @Valid @Size(max = 100) List<FormField> fields,
                              Long version) {
    }

    /**
     * Connects a form to the help desk: a FORM channel whose ticket defaults are the form's hidden
     * ticket fields (name, description, pipeline, stage, priority, category), with its routing.
     */
    public record ConnectRequest(@Valid TicketDefaultsDto ticketFields, @Valid RoutingDto routing, Long replyChannelId,
                                 ChannelDestination destination, Long inboxId, @Size(max = 100) @OneLine String inboxName) {
        // one constructor only: JSON-B binds a record through it
    }

    /** Which team email channel answers the form's submitters. */
    public record RepliesRequest(@NotNull Long replyChannelId) {
    }

    /**
     * @param hostedPath  the hosted page, relative to the application
     * @param ticketFields the hidden ticket fields while connected; null when the form is not in the help desk
     */
    public record FormView(long id, String key, String name, List<FormField> fields, String hostedPath, Long channelId,
                           boolean connected, ChannelDestination destination, TicketDefaultsDto ticketFields, Long replyChannelId,
                           FormProtection protection, Map<Refusal, Long> refusals, long version) {
    }

    /** What the public page needs of a form that takes submissions. */
    public record LiveForm(long id, String key, String name, FormDefinition definition, long channelId, FormProtection protection) {
        public LiveForm(long id, String key, String name, FormDefinition definition, long channelId) {
            this(id, key, name, definition, channelId, FormProtection.NONE);
        }
    }

    public FormView create(FormRequest request) {
        FormDefinition definition = new FormDefinition(request.fields()).checked();
        Form form = new Form(newKey(), SingleLine.check(request.name().strip(), "name"), definition.toJson());
        em.persist(form);
        em.flush();
        return view(form);
    }

    public Optional<FormView> update(long id, FormRequest request) {
        Form form = em.find(Form.class, id);
        if (form == null) {
            return Optional.empty();
        }
        if (request.version() != null && request.version() != form.getVersion()) {
            throw new OptimisticLockException("Form " + id + " was changed by someone else");
        }
        form.redefine(SingleLine.check(request.name().strip(), "name"), new FormDefinition(request.fields()).checked().toJson());
        em.flush();
        return Optional.of(view(form));
    }

    /** The form a FORM channel takes submissions from. */
    public Optional<FormView> ofChannel(long channelId) {
        return em.createQuery("SELECT f FROM Form f WHERE f.channelId = :c", Form.class).setParameter("c", channelId)
                .getResultStream().findFirst().map(this::view);
    }

    /** A channel's name, for showing which channel answers a form. */
    public Optional<String> channelName(long channelId) {
        return Optional.ofNullable(em.find(Channel.class, channelId)).map(Channel::getName); // the name only, not a whole channel view
    }

    public Optional<FormView> get(long id) {
        return Optional.ofNullable(em.find(Form.class, id)).map(this::view);
    }

    public List<FormView> list() {
        return em.createNamedQuery("Form.all", Form.class).getResultStream().map(this::view).toList();
    }

    public Optional<FormView> connect(long id, ConnectRequest request) {
        Form form = em.find(Form.class, id);
        if (form == null) {
            return Optional.empty();
        }
        if (form.getChannelId() != null) {
            throw new IllegalStateException("The form is already in the help desk (channel " + form.getChannelId() + ")");
        }
        // a shared inbox gathers submissions as conversations without tickets; the inbox-migration job moves them into the help desk later
        ChannelDestination destination = request == null || request.destination() == null ? ChannelDestination.HELP_DESK : request.destination();
        ChannelView channel = channels.create(new ChannelRequest(FormConnector.KIND, form.getName(), destination,
                request == null ? null : request.inboxId(), request == null ? null : request.inboxName(),
                true, request == null ? null : request.ticketFields(), request == null ? null : request.routing(), null));
        form.connectTo(channel.id());
        if (request != null && request.replyChannelId() != null) {
            answerThrough(channel.id(), request.replyChannelId());
        }
        em.flush();
        return Optional.of(view(form));
    }

    /** The channels a form can answer from: those that send email themselves (team email). */
    public List<ChannelView> replyChannels() {
        return channels.sendingEmail();
    }

    /** Names the team email channel that answers the form's submitters; its replies thread back through that channel. */
    public Optional<FormView> repliesThrough(long id, RepliesRequest request) {
        Form form = em.find(Form.class, id);
        if (form == null) {
            return Optional.empty();
        }
        if (form.getChannelId() == null) {
            throw new IllegalStateException("Connect the form to the help desk first");
        }
        answerThrough(form.getChannelId(), request.replyChannelId());
        em.flush();
        return Optional.of(view(form));
    }

    private void answerThrough(long formChannelId, long replyChannelId) {
        Channel replies = em.find(Channel.class, replyChannelId);
        if (replies == null || replyChannelId == formChannelId) {
            throw new IllegalArgumentException("replyChannelId: no channel " + replyChannelId + " to answer from");
        }
        if (!connectors.sendsEmail(replies.getType(), replyChannelId)) {
            throw new IllegalArgumentException("replyChannelId: channel " + replies.getName() + " does not send email; name a team email channel");
        }
        em.find(Channel.class, formChannelId).changeTypeSettings(new FormChannelSettings(replyChannelId).toJson());
    }

    /** Sets the form's own limits and the sites allowed to embed it. */
    public Optional<FormView> protect(long id, FormProtection protection) {
        Form form = em.find(Form.class, id);
        if (form == null) {
            return Optional.empty();
        }
        FormProtection checked = protection.checked();
        form.protect(checked.perAddressHour(), checked.perAddressDay(), checked.perFormDay(), checked.allowedOrigins());
        em.flush();
        return Optional.of(view(form));
    }

    /** Removes the form from the help desk: its channel stops taking submissions, and the hidden ticket fields leave the form. */
    public Optional<FormView> disconnect(long id) {
        Form form = em.find(Form.class, id);
        if (form == null) {
            return Optional.empty();
        }
        Long channelId = form.disconnect();
        if (channelId == null) {
            throw new IllegalStateException("The form is not in the help desk");
        }
        channels.enable(channelId, false);
        em.flush();
        return Optional.of(view(form));
    }

    /** A form that takes submissions now: connected to an enabled channel. */
    public Optional<LiveForm> live(String key) {
        if (key == null || key.length() > 40) {
            return Optional.empty();
        }
        return em.createNamedQuery("Form.byKey", Form.class).setParameter("key", key).getResultStream().findFirst()
                .filter(f -> f.getChannelId() != null)
                .filter(f -> {
                    Channel channel = em.find(Channel.class, f.getChannelId()); // only the flag: not the whole channel view on every page view
                    return channel != null && channel.isEnabled();
                })
                .map(f -> new LiveForm(f.getId(), f.getFormKey(), f.getName(), FormDefinition.fromJson(f.getDefinition()), f.getChannelId(),
                        protection(f)));
    }

    /** A keyed form of the client's address: the rate limits count it without storing addresses. */
    public String clientKey(String address) {
        return java.util.HexFormat.of().formatHex(secrets.tag("form-client", address == null ? "" : address));
    }

    private static FormProtection protection(Form form) {
        return new FormProtection(form.getLimitAddressHour(), form.getLimitAddressDay(), form.getLimitFormDay(), form.getAllowedOrigins());
    }

    public FormToken tokens() {
        return new FormToken(secrets);
    }

    private FormView view(Form form) {
        FormDefinition definition = FormDefinition.fromJson(form.getDefinition());
        ChannelView channel = form.getChannelId() == null ? null : channels.get(form.getChannelId()).orElse(null);
        Long replyChannelId = channel == null ? null : FormChannelSettings.of(em.find(Channel.class, channel.id())).replyChannelId();
        return new FormView(form.getId(), form.getFormKey(), form.getName(), definition.fields(), "forms/" + form.getFormKey(),
                form.getChannelId(), channel != null, channel == null ? null : channel.destination(),
                channel == null ? null : channel.ticketDefaults(), replyChannelId, protection(form),
                form.getId() == null ? Map.of() : guard.refusals(form.getId()), form.getVersion());
    }

    private static String newKey() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
