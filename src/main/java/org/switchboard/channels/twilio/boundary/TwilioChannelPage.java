package org.switchboard.channels.twilio.boundary;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.channels.twilio.control.TwilioChannelService;
import org.switchboard.channels.twilio.control.TwilioConnector;
import org.switchboard.channels.twilio.control.TwilioDtos.TwilioRequest;
import org.switchboard.channels.twilio.control.TwilioDtos.TwilioView;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * Connecting a Twilio number (Settings → Channels → Twilio Voice) and its card on the channel edit page:
 * the account, number and voicemail, and the two URLs to paste into Twilio's console. The auth token is
 * never shown back; leaving it empty keeps it.
 */
@Named
@ViewScoped
public class TwilioChannelPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChannelService channels;

    @Inject
    transient TwilioChannelService twilio;

    @Inject
    transient Texts texts;

    @Inject
    @Param(name = "id")
    Long channelId;

    private TwilioView view;
    private String name;
    private String accountSid;
    private String authToken;
    private String phoneNumber;
    private String country;
    private String greeting;
    private String language;
    private Integer ringSeconds;
    private Integer voicemailSeconds;

    @PostConstruct
    void init() {
        view = channelId == null ? null : twilio.get(channelId).orElse(null);
        load();
    }

    public void create() {
        if (name == null || name.isBlank()) {
            Pages.error(texts.get("channels.nameRequired"));
            return;
        }
        String missing = blank(accountSid) ? "twilio.required.accountSid" : blank(authToken) ? "twilio.required.authToken"
                : blank(phoneNumber) ? "twilio.required.phoneNumber" : blank(country) ? "cti.countryRequired" : null;
        if (missing != null) {
            Pages.error(texts.get(missing));
            return;
        }
        if (!accountSid.strip().matches("AC[0-9a-fA-F]{32}")) {
            Pages.error(texts.get("twilio.invalid.accountSid"));
            return;
        }
        ChannelView created = channels.create(new ChannelRequest(TwilioConnector.KIND, name.strip(), ChannelDestination.HELP_DESK,
                null, null, true, null, null, null));
        channelId = created.id();
        try {
            view = twilio.save(created.id(), request());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            view = twilio.get(created.id()).orElse(null);
            Pages.error(Pages.reason(refused));
            return;
        }
        load();
        Pages.info(texts.get("channels.created", created.name()));
    }

    public void save() {
        if (!blank(accountSid) && !accountSid.strip().matches("AC[0-9a-fA-F]{32}")) {
            Pages.error(texts.get("twilio.invalid.accountSid"));
            return;
        }
        try {
            view = twilio.save(channelId, request());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(Pages.reason(refused));
            return;
        }
        load();
        Pages.info(texts.get("twilio.saved"));
    }

    private TwilioRequest request() {
        return new TwilioRequest(trim(accountSid), trim(authToken), trim(phoneNumber), trim(country), greeting == null ? null : greeting.strip(),
                trim(language), ringSeconds, voicemailSeconds, null);
    }

    private void load() {
        authToken = null;
        if (view != null) {
            accountSid = view.accountSid();
            phoneNumber = view.phoneNumber();
            country = view.country();
            greeting = view.greeting();
            language = view.language();
            ringSeconds = view.ringSeconds();
            voicemailSeconds = view.voicemailSeconds();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.strip();
    }

    public boolean isCreated() { return view != null; }
    public TwilioView getView() { return view; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAccountSid() { return accountSid; }
    public void setAccountSid(String accountSid) { this.accountSid = accountSid; }
    public String getAuthToken() { return authToken; }
    public void setAuthToken(String authToken) { this.authToken = authToken; }
    public String getPhoneNumber() { return phoneNumber; }
    public void setPhoneNumber(String phoneNumber) { this.phoneNumber = phoneNumber; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getGreeting() { return greeting; }
    public void setGreeting(String greeting) { this.greeting = greeting; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Integer getRingSeconds() { return ringSeconds; }
    public void setRingSeconds(Integer ringSeconds) { this.ringSeconds = ringSeconds; }
    public Integer getVoicemailSeconds() { return voicemailSeconds; }
    public void setVoicemailSeconds(Integer voicemailSeconds) { this.voicemailSeconds = voicemailSeconds; }
}
