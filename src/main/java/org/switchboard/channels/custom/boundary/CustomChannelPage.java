package org.switchboard.channels.custom.boundary;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.connector.ContactIdentity;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.custom.control.CustomChannelService;
import org.switchboard.channels.custom.control.CustomConnector;
import org.switchboard.channels.custom.control.CustomDtos.CustomRequest;
import org.switchboard.channels.custom.control.CustomDtos.CustomView;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * A custom channel's own settings: connecting one (Settings → Channels → Custom channel) and its
 * card on the channel edit page — the webhook its replies go to, what it carries, the contact
 * identity, and the signing secret, shown once when made or rotated.
 */
@Named
@ViewScoped
public class CustomChannelPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChannelService channels;

    @Inject
    transient CustomChannelService custom;

    @Inject
    transient Texts texts;

    /** The channel being edited (the edit page's {@code id}); null while connecting a new one. */
    @Inject
    @Param(name = "id")
    Long channelId;

    private CustomView view;
    private String name;
    private String webhookUrl;
    private boolean text = true;
    private boolean html;
    private boolean attachments;
    private ContactIdentity identity = ContactIdentity.EXTERNAL_USER_ID;
    private String shownSecret;

    @PostConstruct
    void init() {
        view = channelId == null ? null : custom.get(channelId).orElse(null);
        if (view != null) {
            webhookUrl = view.webhookUrl();
            text = view.text();
            html = view.html();
            attachments = view.attachments();
            identity = view.identity() == null ? ContactIdentity.EXTERNAL_USER_ID : view.identity();
        }
    }

    /** Connects a new custom channel; with a webhook URL it can also take replies (and gets its secret, shown once). */
    public void create() {
        if (name == null || name.isBlank()) {
            Pages.error(texts.get("channels.nameRequired"));
            return;
        }
        ChannelView created = channels.create(new ChannelRequest(CustomConnector.KIND, name.strip(), ChannelDestination.HELP_DESK,
                null, null, true, null, null, null));
        channelId = created.id();
        view = custom.get(channelId).orElse(null);
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            save();
        }
        Pages.info(texts.get("channels.created", created.name()));
    }

    public void save() {
        try {
            view = custom.connect(channelId, new CustomRequest(webhookUrl, text, html, attachments, identity));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(Pages.reason(refused));
            return;
        }
        shownSecret = view.signingSecret();
        Pages.info(texts.get("custom.saved"));
    }

    public void rotateSecret() {
        try {
            shownSecret = custom.rotateSecret(channelId).signingSecret();
        } catch (IllegalStateException noWebhook) {
            Pages.error(noWebhook.getMessage());
            return;
        }
        view = custom.get(channelId).orElse(view);
        Pages.info(texts.get("custom.secretRotated"));
    }

    public boolean isCreated() { return view != null; }
    public CustomView getView() { return view; }
    public String getShownSecret() { return shownSecret; }
    public ContactIdentity[] getIdentities() { return ContactIdentity.values(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getWebhookUrl() { return webhookUrl; }
    public void setWebhookUrl(String webhookUrl) { this.webhookUrl = webhookUrl; }
    public boolean isText() { return text; }
    public void setText(boolean text) { this.text = text; }
    public boolean isHtml() { return html; }
    public void setHtml(boolean html) { this.html = html; }
    public boolean isAttachments() { return attachments; }
    public void setAttachments(boolean attachments) { this.attachments = attachments; }
    public ContactIdentity getIdentity() { return identity; }
    public void setIdentity(ContactIdentity identity) { this.identity = identity; }
}
