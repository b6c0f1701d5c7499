package org.switchboard.channels.whatsapp.boundary;

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
import org.switchboard.channels.whatsapp.control.WhatsAppChannelService;
import org.switchboard.channels.whatsapp.control.WhatsAppConnector;
import org.switchboard.channels.whatsapp.control.WhatsAppTemplates;
import org.switchboard.channels.whatsapp.control.WhatsAppDtos.WhatsAppRequest;
import org.switchboard.channels.whatsapp.control.WhatsAppDtos.WhatsAppView;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * Connecting a WhatsApp Business number (Settings → Channels → WhatsApp Business) and its card on
 * the channel edit page: the ids and secrets from Meta, and what to enter in the Meta app's webhook
 * settings. Secrets are never shown back; leaving them empty keeps them.
 */
@Named
@ViewScoped
public class WhatsAppChannelPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChannelService channels;

    @Inject
    transient WhatsAppChannelService whatsApp;

    @Inject
    transient Texts texts;

    @Inject
    transient WhatsAppTemplates templates;

    @Inject
    @Param(name = "id")
    Long channelId;

    private WhatsAppView view;
    private String name;
    private String businessAccountId;
    private String phoneNumberId;
    private String displayPhoneNumber;
    private String accessToken;
    private String appSecret;

    @PostConstruct
    void init() {
        view = channelId == null ? null : whatsApp.get(channelId).orElse(null);
        load();
    }

    public void create() {
        if (name == null || name.isBlank()) {
            Pages.error(texts.get("channels.nameRequired"));
            return;
        }
        WhatsAppRequest request = request();
        String missing = request.businessAccountId() == null ? "whatsapp.required.businessAccountId"
                : request.phoneNumberId() == null ? "whatsapp.required.phoneNumberId"
                : request.accessToken() == null ? "whatsapp.required.accessToken"
                : request.appSecret() == null ? "whatsapp.required.appSecret" : null;
        if (missing != null) {
            Pages.error(texts.get(missing));
            return;
        }
        ChannelView created = channels.create(new ChannelRequest(WhatsAppConnector.KIND, name.strip(), ChannelDestination.HELP_DESK,
                null, null, true, null, null, null));
        channelId = created.id();
        try {
            view = whatsApp.connect(created.id(), request);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            view = whatsApp.get(created.id()).orElse(null); // made, not connected: the channel's page finishes it
            Pages.error(Pages.reason(refused));
            return;
        }
        load();
        Pages.info(texts.get("channels.created", created.name()));
    }

    public void save() {
        try {
            view = whatsApp.connect(channelId, request());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(Pages.reason(refused));
            return;
        }
        load();
        Pages.info(texts.get("whatsapp.saved"));
    }

    public void syncTemplates() {
        try {
            view = templates.sync(channelId);
        } catch (IllegalStateException | WhatsAppTemplates.SyncFailed failed) {
            Pages.error(Pages.reason(failed));
            return;
        }
        Pages.info(texts.get("whatsapp.templatesSynced", view.templates().size()));
    }

    private WhatsAppRequest request() {
        return new WhatsAppRequest(blankToNull(businessAccountId), blankToNull(phoneNumberId), blankToNull(displayPhoneNumber),
                blankToNull(accessToken), blankToNull(appSecret), null);
    }

    private void load() {
        accessToken = null;
        appSecret = null;
        if (view != null) {
            businessAccountId = view.businessAccountId();
            phoneNumberId = view.phoneNumberId();
            displayPhoneNumber = view.displayPhoneNumber();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean isCreated() { return view != null; }
    public WhatsAppView getView() { return view; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getBusinessAccountId() { return businessAccountId; }
    public void setBusinessAccountId(String businessAccountId) { this.businessAccountId = businessAccountId; }
    public String getPhoneNumberId() { return phoneNumberId; }
    public void setPhoneNumberId(String phoneNumberId) { this.phoneNumberId = phoneNumberId; }
    public String getDisplayPhoneNumber() { return displayPhoneNumber; }
    public void setDisplayPhoneNumber(String displayPhoneNumber) { this.displayPhoneNumber = displayPhoneNumber; }
    public String getAccessToken() { return accessToken; }
    public void setAccessToken(String accessToken) { this.accessToken = accessToken; }
    public String getAppSecret() { return appSecret; }
    public void setAppSecret(String appSecret) { this.appSecret = appSecret; }
}
