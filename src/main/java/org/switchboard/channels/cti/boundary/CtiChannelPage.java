package org.switchboard.channels.cti.boundary;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.cti.control.CtiChannelService;
import org.switchboard.channels.cti.control.CtiConnector;
import org.switchboard.channels.cti.control.CtiDtos.CtiRequest;
import org.switchboard.channels.cti.control.CtiDtos.CtiView;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * Connecting a phone system (Settings → Channels → Phone system) and its card on the channel edit page:
 * the webhook URL to give the phone system, the default country, voicemail and blocked numbers, the
 * outbound caller id, and when a call with no hangup is closed.
 */
@Named
@ViewScoped
public class CtiChannelPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChannelService channels;

    @Inject
    transient CtiChannelService cti;

    @Inject
    transient Texts texts;

    @Inject
    @Param(name = "id")
    Long channelId;

    private CtiView view;
    private String name;
    private String country;
    private String voicemailNumbers;
    private String blockedNumbers;
    private String outboundCallerId;
    private Integer giveUpMinutes;

    @PostConstruct
    void init() {
        view = channelId == null ? null : cti.get(channelId).orElse(null);
        load();
    }

    public void create() {
        if (name == null || name.isBlank()) {
            Pages.error(texts.get("channels.nameRequired"));
            return;
        }
        if (country == null || country.isBlank()) {
            Pages.error(texts.get("cti.countryRequired"));
            return;
        }
        ChannelView created = channels.create(new ChannelRequest(CtiConnector.KIND, name.strip(), ChannelDestination.HELP_DESK,
                null, null, true, null, null, null));
        channelId = created.id();
        try {
            view = cti.save(created.id(), request());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            view = cti.get(created.id()).orElse(null); // made: the channel's page finishes it
            Pages.error(Pages.reason(refused));
            return;
        }
        load();
        Pages.info(texts.get("channels.created", created.name()));
    }

    public void save() {
        try {
            view = cti.save(channelId, request());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(Pages.reason(refused));
            return;
        }
        load();
        Pages.info(texts.get("cti.saved"));
    }

    public void renewToken() {
        view = cti.renewToken(channelId);
        Pages.info(texts.get("cti.tokenRenewed"));
    }

    private CtiRequest request() {
        return new CtiRequest(blankToNull(country), lines(voicemailNumbers), lines(blockedNumbers),
                outboundCallerId == null ? "" : outboundCallerId.strip(), giveUpMinutes);
    }

    private void load() {
        if (view != null) {
            country = view.country();
            voicemailNumbers = String.join("\n", view.voicemailNumbers());
            blockedNumbers = String.join("\n", view.blockedNumbers());
            outboundCallerId = view.outboundCallerId();
            giveUpMinutes = view.giveUpMinutes();
        }
    }

    /** One per line (commas too): how admins paste numbers. */
    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,;]+")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean isCreated() { return view != null; }
    public CtiView getView() { return view; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getVoicemailNumbers() { return voicemailNumbers; }
    public void setVoicemailNumbers(String voicemailNumbers) { this.voicemailNumbers = voicemailNumbers; }
    public String getBlockedNumbers() { return blockedNumbers; }
    public void setBlockedNumbers(String blockedNumbers) { this.blockedNumbers = blockedNumbers; }
    public String getOutboundCallerId() { return outboundCallerId; }
    public void setOutboundCallerId(String outboundCallerId) { this.outboundCallerId = outboundCallerId; }
    public Integer getGiveUpMinutes() { return giveUpMinutes; }
    public void setGiveUpMinutes(Integer giveUpMinutes) { this.giveUpMinutes = giveUpMinutes; }
}
