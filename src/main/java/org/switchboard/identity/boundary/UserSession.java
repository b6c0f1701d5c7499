package org.switchboard.identity.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.switchboard.identity.control.DirectoryService;
import org.switchboard.identity.control.DirectoryDtos.UserView;
import org.switchboard.identity.entity.Availability;

/**
 * The signed-in user's own state for the pages: language and availability. Both are stored on
 * the user, so they follow them to another browser; availability changes reach routing at once.
 */
@Named
@SessionScoped
public class UserSession implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<String> LANGUAGES = List.of("en", "fi");

    @Inject
    transient SecurityContext security;

    @Inject
    transient DirectoryService directory;

    private Long userId;
    private String fullName;
    private String language;
    private Availability availability;

    private void load() {
        if (userId != null || security.getCallerPrincipal() == null) {
            return;
        }
        directory.userByUsername(security.getCallerPrincipal().getName()).ifPresent(this::remember);
    }

    private void remember(UserView user) {
        userId = user.id();
        fullName = user.fullName();
        language = LANGUAGES.contains(user.language()) ? user.language() : "en";
        availability = user.availability();
    }

    public Locale getLocale() {
        load();
        if (language != null) {
            return Locale.forLanguageTag(language);
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null ? Locale.ENGLISH : faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    public String getLanguage() {
        load();
        return language == null ? "en" : language;
    }

    public List<String> getLanguages() {
        return LANGUAGES;
    }

    public Long getUserId() {
        load();
        return userId;
    }

    public String getFullName() {
        load();
        return fullName;
    }

    public boolean isAvailable() {
        load();
        return availability != Availability.AWAY;
    }

    /** The toggle in the user menu. */
    public void setAvailable(boolean available) {
        load();
        if (userId != null) {
            directory.changeAvailability(userId, available ? Availability.AVAILABLE : Availability.AWAY).ifPresent(this::remember);
        }
    }

    /** The language menu: stored on the user; {@link #reloadPage()} then shows the page in it. */
    public void setLanguage(String newLanguage) {
        load();
        if (userId != null && LANGUAGES.contains(newLanguage) && !newLanguage.equals(language)) {
            directory.changeLanguage(userId, newLanguage).ifPresent(this::remember);
        }
    }

    public void reloadPage() throws java.io.IOException {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        String back = external.getRequestParameterMap().get("returnTo");
        String context = external.getRequestContextPath();
        // only a page of this application: never an address elsewhere (open redirect)
        boolean ours = back != null && back.startsWith(context + "/") && !back.startsWith("//") && !back.contains("\\")
                && back.indexOf("://") < 0 && back.chars().noneMatch(c -> c < 0x20);
        external.redirect(ours ? back : context + "/");
    }
}
