package org.switchboard.channels.chat.boundary;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.chat.control.ChatChannelService;
import org.switchboard.channels.chat.control.ChatConnector;
import org.switchboard.channels.chat.control.ChatDtos.ChatRequest;
import org.switchboard.channels.chat.control.ChatDtos.ChatView;
import org.switchboard.channels.chat.control.ChatSettings.OpeningHours;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * A chat channel's settings: connecting one (Settings → Channels → Website chat) and its card on the
 * channel edit page — the embed tag, appearance, identity verification (the secret shown once) and consent.
 */
@Named
@ViewScoped
public class ChatChannelPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChannelService channels;

    @Inject
    transient ChatChannelService chat;

    @Inject
    transient Texts texts;

    @Inject
    @Param(name = "id")
    Long channelId;

    private ChatView view;
    private String name;
    /** Where a new chat's conversations go: the help desk, or a new shared inbox (moved into the help desk later with its history). */
    private ChannelDestination destination = ChannelDestination.HELP_DESK;
    private String teamName;
    private String accentColour;
    private String font;
    private String avatarUrl;
    private String position;
    private String greetingEn;
    private String greetingFi;
    private boolean requireVerifiedIdentity;
    private String consent;
    private String consentTextEn;
    private String consentTextFi;
    private String shownSecret;
    private String timeZone;
    private List<DayRow> days = new ArrayList<>();
    private Long replyChannelId;
    private List<ChannelView> replyChannels = List.of();

    @PostConstruct
    void init() {
        view = channelId == null ? null : chat.get(channelId).orElse(null);
        load();
    }

    public void create() {
        if (name == null || name.isBlank()) {
            Pages.error(texts.get("channels.nameRequired"));
            return;
        }
        ChannelView created = channels.create(new ChannelRequest(ChatConnector.KIND, name.strip(), destination,
                null, null, true, null, null, null));
        channelId = created.id();
        view = chat.get(channelId).orElse(null);
        load();
        Pages.info(texts.get("channels.created", created.name()));
    }

    public void save() {
        try {
            view = chat.save(channelId, new ChatRequest(teamName, accentColour, font, avatarUrl, position, greetingEn, greetingFi,
                    requireVerifiedIdentity, consent, consentTextEn, consentTextFi, timeZone,
                    days.stream().filter(DayRow::isOpen).map(DayRow::hours).toList(), replyChannelId == null ? 0L : replyChannelId));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(Pages.reason(refused));
            return;
        }
        shownSecret = view.identitySecret();
        load();
        Pages.info(texts.get("chat.saved"));
    }

    public void rotateSecret() {
        view = chat.rotateIdentitySecret(channelId);
        shownSecret = view.identitySecret();
        Pages.info(texts.get("chat.secretRotated"));
    }

    private void load() {
        if (view == null) {
            return;
        }
        timeZone = view.timeZone();
        replyChannelId = view.replyChannelId();
        replyChannels = chat.replyChannels();
        days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(view.hours().stream().filter(h -> h.day().equals(day.name())).findFirst()
                    .map(h -> new DayRow(day.name(), true, h.opens(), h.closes())).orElse(new DayRow(day.name(), false, "08:00", "16:00")));
        }
        teamName = view.teamName();
        accentColour = view.accentColour();
        font = view.font();
        avatarUrl = view.avatarUrl();
        position = view.position();
        greetingEn = view.greetingEn();
        greetingFi = view.greetingFi();
        requireVerifiedIdentity = view.requireVerifiedIdentity();
        consent = view.consent();
        consentTextEn = view.consentTextEn();
        consentTextFi = view.consentTextFi();
    }

    /** The accent's contrast with its text is under WCAG's 4.5:1 for normal text. */
    public boolean isLowContrast() {
        return view != null && view.contrast() < 4.5;
    }

    /** One weekday's row in the opening hours grid. */
    public static class DayRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String day;
        private boolean open;
        private String opens;
        private String closes;

        DayRow(String day, boolean open, String opens, String closes) {
            this.day = day;
            this.open = open;
            this.opens = opens;
            this.closes = closes;
        }

        OpeningHours hours() {
            return new OpeningHours(day, opens, closes);
        }

        public String getDay() { return day; }
        public boolean isOpen() { return open; }
        public void setOpen(boolean open) { this.open = open; }
        public String getOpens() { return opens; }
        public void setOpens(String opens) { this.opens = opens; }
        public String getCloses() { return closes; }
        public void setCloses(String closes) { this.closes = closes; }
    }

    public List<DayRow> getDays() { return days; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public Long getReplyChannelId() { return replyChannelId; }
    public void setReplyChannelId(Long replyChannelId) { this.replyChannelId = replyChannelId; }
    public List<ChannelView> getReplyChannels() { return replyChannels; }

    public boolean isCreated() { return view != null; }
    public ChatView getView() { return view; }
    public String getShownSecret() { return shownSecret; }
    public ChannelDestination getDestination() { return destination; }
    public void setDestination(ChannelDestination destination) { this.destination = destination == null ? ChannelDestination.HELP_DESK : destination; }
    public ChannelDestination[] getDestinationChoices() { return ChannelDestination.values(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTeamName() { return teamName; }
    public void setTeamName(String teamName) { this.teamName = teamName; }
    public String getAccentColour() { return accentColour; }
    public void setAccentColour(String accentColour) { this.accentColour = accentColour; }
    public String getFont() { return font; }
    public void setFont(String font) { this.font = font; }
    public String getAvatarUrl() { return avatarUrl; }
    public void setAvatarUrl(String avatarUrl) { this.avatarUrl = avatarUrl; }
    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
    public String getGreetingEn() { return greetingEn; }
    public void setGreetingEn(String greetingEn) { this.greetingEn = greetingEn; }
    public String getGreetingFi() { return greetingFi; }
    public void setGreetingFi(String greetingFi) { this.greetingFi = greetingFi; }
    public boolean isRequireVerifiedIdentity() { return requireVerifiedIdentity; }
    public void setRequireVerifiedIdentity(boolean requireVerifiedIdentity) { this.requireVerifiedIdentity = requireVerifiedIdentity; }
    public String getConsent() { return consent; }
    public void setConsent(String consent) { this.consent = consent; }
    public String getConsentTextEn() { return consentTextEn; }
    public void setConsentTextEn(String consentTextEn) { this.consentTextEn = consentTextEn; }
    public String getConsentTextFi() { return consentTextFi; }
    public void setConsentTextFi(String consentTextFi) { this.consentTextFi = consentTextFi; }
}
