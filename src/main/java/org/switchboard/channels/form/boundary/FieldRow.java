package org.switchboard.channels.form.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.switchboard.channels.form.control.FieldKind;
import org.switchboard.channels.form.control.FormField;
import org.switchboard.channels.form.control.FormField.Option;
import org.switchboard.channels.form.control.FormField.Text;

/**
 * One field as the form builder edits it. Options are one per line, {@code value | English | Finnish}
 * (the labels optional), so that an admin edits a list without a dialog per option.
 */
public class FieldRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private FieldKind kind;
    private String labelEn;
    private String labelFi;
    private String helpEn;
    private String helpFi;
    private boolean required;
    private String options;
    private String value;
    private String urlParameter;

    public static FieldRow of(FormField field) {
        FieldRow row = new FieldRow();
        row.name = field.name();
        row.kind = field.kind();
        row.labelEn = field.label() == null ? null : field.label().en();
        row.labelFi = field.label() == null ? null : field.label().fi();
        row.helpEn = field.help() == null ? null : field.help().en();
        row.helpFi = field.help() == null ? null : field.help().fi();
        row.required = field.required();
        row.options = field.options().stream().map(o -> o.value() + (o.label() == null ? ""
                : " | " + blank(o.label().en()) + " | " + blank(o.label().fi()))).collect(Collectors.joining("\n"));
        row.value = field.value();
        row.urlParameter = field.urlParameter();
        return row;
    }

    public static FieldRow blank(FieldKind kind, String name) {
        FieldRow row = new FieldRow();
        row.kind = kind;
        row.name = name;
        row.options = kind.hasOptions() ? "first | First | Ensimmäinen\nsecond | Second | Toinen" : "";
        return row;
    }

    public FormField toField() {
        List<Option> parsed = new ArrayList<>();
        if (kind != null && kind.hasOptions() && options != null) {
            for (String line : options.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", -1);
                String optionValue = parts[0].strip();
                String en = parts.length > 1 ? emptyToNull(parts[1].strip()) : null;
                String fi = parts.length > 2 ? emptyToNull(parts[2].strip()) : null;
                parsed.add(new Option(optionValue, en == null && fi == null ? null : new Text(en == null ? optionValue : en, fi)));
            }
        }
        return new FormField(name == null ? null : name.strip(), kind, text(labelEn, labelFi), text(helpEn, helpFi),
                required && kind != FieldKind.HIDDEN, parsed, emptyToNull(value), emptyToNull(urlParameter));
    }

    private static Text text(String en, String fi) {
        return emptyToNull(en) == null && emptyToNull(fi) == null ? null : new Text(emptyToNull(en), emptyToNull(fi));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    public boolean isHidden() {
        return kind == FieldKind.HIDDEN;
    }

    public boolean isWithOptions() {
        return kind != null && kind.hasOptions();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public FieldKind getKind() {
        return kind;
    }

    public void setKind(FieldKind kind) {
        this.kind = kind;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }

    public String getLabelFi() {
        return labelFi;
    }

    public void setLabelFi(String labelFi) {
        this.labelFi = labelFi;
    }

    public String getHelpEn() {
        return helpEn;
    }

    public void setHelpEn(String helpEn) {
        this.helpEn = helpEn;
    }

    public String getHelpFi() {
        return helpFi;
    }

    public void setHelpFi(String helpFi) {
        this.helpFi = helpFi;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getUrlParameter() {
        return urlParameter;
    }

    public void setUrlParameter(String urlParameter) {
        this.urlParameter = urlParameter;
    }
}
