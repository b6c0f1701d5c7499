package org.switchboard.channels.messenger.boundary;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.messenger.control.MessengerBehaviours;
import org.switchboard.channels.messenger.control.MessengerDtos.MessengerBehaviour;
import org.switchboard.channels.messenger.control.MessengerDtos.MessengerView;
import org.switchboard.channels.messenger.control.MessengerPages;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * A Messenger channel's card on the channel edit page: the page it is connected to (reconnect with
 * Facebook), the webhook to set in the Meta app, and what the page says by itself — greeting,
 * instant reply, consent.
 */
@Named
@ViewScoped
public class MessengerChannelPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MessengerBehaviours behaviours;

    @Inject
    transient Texts texts;

    @Inject
    @Param(name = "id")
    Long channelId;

    private MessengerView view;
    private String greeting;
    private String instantReply;
    private String consentMode;
    private String consentText;

    @PostConstruct
    void init() {
        view = channelId == null ? null : behaviours.view(channelId).orElse(null);
        load();
    }

    public void save() {
        try {
            view = behaviours.save(channelId, new MessengerBehaviour(greeting == null ? "" : greeting, instantReply == null ? "" : instantReply,
                    consentMode, consentText == null ? "" : consentText));
        } catch (IllegalArgumentException | IllegalStateException | MessengerPages.Refused refused) {
            Pages.error(Pages.reason(refused));
            return;
        }
        load();
        Pages.info(texts.get("messenger.saved"));
    }

    private void load() {
        if (view != null) {
            greeting = view.greeting();
            instantReply = view.instantReply();
            consentMode = view.consentMode();
            consentText = view.consentText();
        }
    }

    public MessengerView getView() { return view; }
    public String getGreeting() { return greeting; }
    public void setGreeting(String greeting) { this.greeting = greeting; }
    public String getInstantReply() { return instantReply; }
    public void setInstantReply(String instantReply) { this.instantReply = instantReply; }
    public String getConsentMode() { return consentMode; }
    public void setConsentMode(String consentMode) { this.consentMode = consentMode; }
    public String getConsentText() { return consentText; }
    public void setConsentText(String consentText) { this.consentText = consentText; }
}
