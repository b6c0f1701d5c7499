package org.switchboard.channels.messenger.boundary;


import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.cdi.Param;
import org.omnifaces.util.Ajax;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Json;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.channels.messenger.boundary.MessengerLogin.PendingPage;
import org.switchboard.channels.messenger.control.MessengerChannelService;
import org.switchboard.channels.messenger.control.MessengerChannelService.KnownApp;
import org.switchboard.channels.messenger.control.MessengerConnector;
import org.switchboard.channels.messenger.control.MessengerDtos.PageChoice;
import org.switchboard.channels.messenger.control.MessengerPages;
import org.switchboard.channels.messenger.control.MessengerPages.Page;
import org.switchboard.channels.meta.MetaGraph;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * Settings → Channels → Facebook Messenger, and "Reconnect with Facebook" on a Messenger channel:
 * the Meta app (id and secret; a later connection reuses them), Continue with Facebook → Facebook
 * Login → back here with the admin's pages → pick one. Only a page admin's page can be picked, and
 * a page connects to one channel only. The app is subscribed to the page before anything is saved.
 */
@Named
@ViewScoped
public class MessengerConnectPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChannelService channels;

    @Inject
    transient MessengerChannelService messenger;

    @Inject
    transient MessengerPages facebook;

    @Inject
    transient MetaGraph graph;

    @Inject
    transient Texts texts;

    @Inject
    MessengerLogin login;

    @Inject
    @Param(name = "id")
    Long channelId;

    @Inject
    @Param(name = "code")
    String code;

    @Inject
    @Param(name = "state")
    String state;

    @Inject
    @Param(name = "error")
    String error;

    private String name;
    private String appId;
    private String appSecret;
    private boolean appSecretKnown;
    private String reconnecting;

    @PostConstruct
    void init() {
        messenger.knownApp().ifPresent(app -> {
            appId = app.appId();
            appSecretKnown = true;
        });
        if (channelId != null) {
            reconnecting = channels.get(channelId).map(ChannelView::name).orElse(null);
        }
    }

    /** The return from Facebook (a view action): the code exchanged for the admin's pages, or the refusal said. */
    public void onReturn() {
        if (code == null && error == null) {
            return;
        }
        if (!login.expects(state)) {
            Pages.error(texts.get("messenger.loginStale"));
            return;
        }
        if (error != null) {
            login.finish();
            Pages.error(texts.get("messenger.loginCancelled"));
            return;
        }
        try {
            String userToken = facebook.userToken(login.appId(), messenger.open(login.sealedAppSecret()), login.redirectUri(), code);
            List<PendingPage> found = new ArrayList<>();
            for (Page page : facebook.pages(userToken)) {
                found.add(new PendingPage(page.id(), page.name(), page.category(), page.admin(),
                        page.accessToken() == null ? null : messenger.seal(page.accessToken())));
            }
            login.returned(found);
            if (found.isEmpty()) {
                Pages.error(texts.get("messenger.noPages"));
            }
        } catch (MessengerPages.Refused refused) {
            login.finish();
            Pages.error(refused.getMessage());
        }
    }

    /** Continue with Facebook: remembers what this connection is for, then the browser goes to Facebook's dialog. */
    public void continueWithFacebook() {
        if (channelId == null && (name == null || name.isBlank())) {
            Pages.error(texts.get("channels.nameRequired"));
            return;
        }
        if (appId == null || !appId.strip().matches("\\d{5,30}")) {
            Pages.error(texts.get("messenger.appIdRequired"));
            return;
        }
        String sealedSecret = appSecret != null && !appSecret.isBlank() ? messenger.seal(appSecret.strip())
                : messenger.knownApp().filter(app -> app.appId().equals(appId.strip())).map(KnownApp::sealedAppSecret).orElse(null);
        if (sealedSecret == null) {
            Pages.error(texts.get("messenger.appSecretRequired"));
            return;
        }
        String redirect = redirectUri();
        String loginState = login.begin(channelId, name == null ? null : name.strip(), appId.strip(), sealedSecret, redirect);
        String dialog = graph.loginDialog(appId.strip(), redirect, loginState, MessengerPages.SCOPES).toString();
        // a script navigates: the page's CSP (form-action 'self') rightly stops a form's redirect to another site
        Ajax.oncomplete("window.location.assign(" + Json.encode(dialog) + ")");
    }

    /** Connects the picked page: subscribes the app and sets the greeting at Facebook, then saves; a new channel is made first. */
    public void connect(String pageId) {
        PendingPage page = login.pages().stream().filter(p -> p.id().equals(pageId)).findFirst().orElse(null);
        if (page == null) {
            Pages.error(texts.get("messenger.loginStale"));
            return;
        }
        if (!page.admin() || page.sealedToken() == null) {
            Pages.error(texts.get("messenger.notPageAdmin", page.name()));
            return;
        }
        Long target = login.channelId();
        var taken = messenger.pageTakenBy(page.id(), target);
        if (taken.isPresent()) {
            Pages.error(texts.get("messenger.pageTaken", page.name(), taken.get()));
            return;
        }
        String pageToken = messenger.open(page.sealedToken());
        String greeting = target == null ? null : messenger.get(target).map(v -> v.greeting()).orElse(null);
        try {
            facebook.setUp(page.id(), pageToken, greeting);
        } catch (MessengerPages.Refused refused) {
            Pages.error(refused.getMessage());
            return;
        }
        try {
            if (target == null) {
                target = channels.create(new ChannelRequest(MessengerConnector.KIND, login.channelName(), ChannelDestination.HELP_DESK,
                        null, null, true, null, null, null)).id();
            }
            messenger.connectPage(target, login.appId(), login.sealedAppSecret(), page.id(), page.name(), pageToken);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(Pages.reason(refused));
            return;
        }
        login.finish();
        Pages.infoAfterRedirect(texts.get("messenger.connected", page.name()));
        Faces.redirect("settings/channel.xhtml?id=" + target);
    }

    /** Where Facebook sends the browser back: this page on the address the admin uses (register it in the Meta app). */
    public String redirectUri() {
        return Faces.getRequestBaseURL() + "settings/connect-messenger.xhtml";
    }

    public List<PageChoice> getPages() {
        return login.pages().stream().map(p -> new PageChoice(p.id(), p.name(), p.category(), p.admin(),
                messenger.pageTakenBy(p.id(), login.channelId()).orElse(null))).toList();
    }

    public boolean isPicking() {
        return !login.pages().isEmpty();
    }

    public String getReconnecting() { return reconnecting; }
    public Long getChannelId() { return channelId; }
    public boolean isAppSecretKnown() { return appSecretKnown; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAppId() { return appId; }
    public void setAppId(String appId) { this.appId = appId; }
    public String getAppSecret() { return appSecret; }
    public void setAppSecret(String appSecret) { this.appSecret = appSecret; }

}
