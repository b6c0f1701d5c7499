package org.switchboard.channels.form.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.form.control.FieldKind;
import org.switchboard.channels.form.control.FormDefinition;
import org.switchboard.channels.form.control.FormPageHtml;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.form.control.FormProtection;
import org.switchboard.channels.form.control.FormService;
import org.switchboard.channels.form.control.FormService.RepliesRequest;
import org.switchboard.channels.form.control.FormService.FormRequest;
import org.switchboard.channels.form.control.FormService.FormView;
import org.switchboard.channels.form.control.FormService.LiveForm;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * Settings → Forms → a form: its name and fields (add, edit, reorder, remove), with a live preview
 * in English or Finnish that shows what a visitor will see — hidden fields and hidden ticket fields
 * are not in it. Saving checks the whole definition and names the field that cannot work. Beside
 * it: the team email channel that answers submitters, and the form's own spam limits and the sites
 * allowed to embed it.
 */
@Named
@ViewScoped
public class FormBuilderPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FormService forms;

    @Inject
    transient Texts texts;

    @Inject
    @Param(name = "id")
    Long formId;

    private FormView view;
    private String name;
    private List<FieldRow> rows = new ArrayList<>();
    private FieldKind newKind = FieldKind.TEXT;
    private String previewLanguage = "en";
    private List<ChannelView> replyChannels = List.of();
    private Long replyChannelId;
    private Integer perAddressHour;
    private Integer perAddressDay;
    private Integer perFormDay;
    private String allowedOrigins;

    @PostConstruct
    void init() {
        view = formId == null ? null : forms.get(formId).orElse(null);
        if (view == null) {
            Pages.refuse(404);
            return;
        }
        name = view.name();
        rows = new ArrayList<>(view.fields().stream().map(FieldRow::of).toList());
        replyChannels = forms.replyChannels();
        replyChannelId = view.replyChannelId();
        FormProtection protection = view.protection();
        perAddressHour = protection.perAddressHour();
        perAddressDay = protection.perAddressDay();
        perFormDay = protection.perFormDay();
        allowedOrigins = String.join("\n", protection.allowedOrigins());
    }

    /** Names the team email channel whose address answers the form's submitters. */
    public void saveReplies() {
        try {
            if (replyChannelId == null) {
                Pages.error(texts.get("forms.replyChannelRequired"));
                return;
            }
            view = forms.repliesThrough(view.id(), new RepliesRequest(replyChannelId)).orElseThrow();
            Pages.info(texts.get("forms.repliesSaved"));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            Pages.error(Pages.reason(refused));
        }
    }

    /** The form's own limits (blank: the installation's) and the sites that may embed it (one per line; none: any). */
    public void saveProtection() {
        try {
            List<String> origins = allowedOrigins == null ? List.of()
                    : java.util.Arrays.stream(allowedOrigins.split("[\\s,]+")).filter(o -> !o.isBlank()).toList();
            FormProtection protection = new FormProtection(perAddressHour, perAddressDay, perFormDay, origins);
            view = forms.protect(view.id(), protection).orElseThrow();
            allowedOrigins = String.join("\n", view.protection().allowedOrigins());
            Pages.info(texts.get("forms.protectionSaved"));
        } catch (IllegalArgumentException | IllegalStateException | jakarta.validation.ConstraintViolationException refused) {
            Pages.error(Pages.reason(refused));
        }
    }

    public void addField() {
        int n = rows.size() + 1;
        String fieldName = newKind.name().toLowerCase(Locale.ROOT) + "_" + n;
        while (taken(fieldName)) {
            fieldName = fieldName + "_";
        }
        rows.add(FieldRow.blank(newKind, fieldName));
    }

    public void remove(int index) {
        rows.remove(index);
    }

    public void moveUp(int index) {
        if (index > 0) {
            rows.add(index - 1, rows.remove(index));
        }
    }

    public void save() {
        try {
            view = forms.update(view.id(), new FormRequest(name, rows.stream().map(FieldRow::toField).toList(), view.version())).orElseThrow();
            rows = new ArrayList<>(view.fields().stream().map(FieldRow::of).toList());
            Pages.info(texts.get("forms.saved"));
        } catch (IllegalArgumentException | IllegalStateException | OptimisticLockException | jakarta.validation.ConstraintViolationException refused) {
            Pages.error(Pages.reason(refused));
        }
    }

    /** What a visitor sees, from the fields as they are now (saved or not); a definition that cannot work yet shows why. */
    public String getPreview() {
        try {
            FormDefinition definition = new FormDefinition(rows.stream().map(FieldRow::toField).toList()).checked();
            return FormPageHtml.fragment(new LiveForm(view.id(), view.key(), name, definition, 0L), Locale.forLanguageTag(previewLanguage),
                    "preview", Map.of(), Map.of());
        } catch (RuntimeException notYet) {
            return "<p class=\"muted\">" + FormPageHtml.esc(Pages.reason(notYet)) + "</p>";
        }
    }

    private boolean taken(String fieldName) {
        return rows.stream().anyMatch(r -> fieldName.equals(r.getName()));
    }

    public FieldKind[] getKinds() {
        return FieldKind.values();
    }

    public FormView getView() {
        return view;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<FieldRow> getRows() {
        return rows;
    }

    public FieldKind getNewKind() {
        return newKind;
    }

    public void setNewKind(FieldKind newKind) {
        this.newKind = newKind;
    }

    public List<ChannelView> getReplyChannels() {
        return replyChannels;
    }

    public Long getReplyChannelId() {
        return replyChannelId;
    }

    public void setReplyChannelId(Long replyChannelId) {
        this.replyChannelId = replyChannelId;
    }

    public Integer getPerAddressHour() {
        return perAddressHour;
    }

    public void setPerAddressHour(Integer perAddressHour) {
        this.perAddressHour = perAddressHour;
    }

    public Integer getPerAddressDay() {
        return perAddressDay;
    }

    public void setPerAddressDay(Integer perAddressDay) {
        this.perAddressDay = perAddressDay;
    }

    public Integer getPerFormDay() {
        return perFormDay;
    }

    public void setPerFormDay(Integer perFormDay) {
        this.perFormDay = perFormDay;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public String getPreviewLanguage() {
        return previewLanguage;
    }

    public void setPreviewLanguage(String previewLanguage) {
        this.previewLanguage = "fi".equals(previewLanguage) ? "fi" : "en";
    }
}
