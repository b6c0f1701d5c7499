package org.switchboard.channels.form.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.switchboard.channels.form.control.FormService.LiveForm;

/**
 * The hosted form as plain HTML that works without JavaScript: a label for every input, help and
 * errors tied to their input (aria-describedby), an error summary that names each field, groups
 * for choices, the honeypot kept from people and screen readers. Everything the admin or the
 * visitor wrote is escaped.
 */
public final class FormPageHtml {

    private FormPageHtml() {
    }

    /** The texts a visitor reads, in their language (English or Finnish). */
    public static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle("org.switchboard.channels.form.texts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * @param values what to show in the inputs: the visitor's own values after an error, the page
     *               address's parameters for hidden fields filled from it
     */
    public static String form(LiveForm form, Locale locale, String token, Map<String, List<String>> values, Map<String, String> errors,
                              String staticBase) {
        StringBuilder html = page(locale, form.name(), staticBase);
        html.append("<main class=\"sb-form\">");
        return html.append(fragment(form, locale, token, values, errors)).append("</main>\n</body></html>\n").toString();
    }

    /** The form alone, for the embed script to place into a page of any site. */
    public static String fragment(LiveForm form, Locale locale, String token, Map<String, List<String>> values, Map<String, String> errors) {
        ResourceBundle texts = texts(locale);
        boolean files = form.definition().fields().stream().anyMatch(f -> f.kind() == FieldKind.FILE);
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(esc(form.name())).append("</h1>\n");
        if (!errors.isEmpty()) {
            html.append("<div class=\"sb-errors\" role=\"alert\" tabindex=\"-1\" id=\"sb-errors\"><p>").append(esc(texts.getString("errors.title")))
                    .append("</p><ul>");
            for (FormField field : form.definition().fields()) {
                if (errors.containsKey(field.name())) {
                    html.append("<li><a href=\"#f-").append(esc(field.name())).append("\">").append(esc(field.labelIn(locale))).append(": ")
                            .append(esc(texts.getString(errors.get(field.name())))).append("</a></li>");
                }
            }
            html.append("</ul></div>\n");
        }
        html.append("<form method=\"post\" accept-charset=\"UTF-8\" novalidate")
                .append(files ? " enctype=\"multipart/form-data\"" : "").append(">\n");
        html.append("<input type=\"hidden\" name=\"").append(FormIntake.TOKEN).append("\" value=\"").append(esc(token)).append("\">\n");
        for (FormField field : form.definition().fields()) {
            field(html, field, locale, texts, values.getOrDefault(field.name(), List.of()), errors.get(field.name()));
        }
        html.append("<div class=\"sb-hp\" aria-hidden=\"true\"><label for=\"").append(FormIntake.HONEYPOT).append("\">Website</label>")
                .append("<input type=\"text\" id=\"").append(FormIntake.HONEYPOT).append("\" name=\"").append(FormIntake.HONEYPOT)
                .append("\" tabindex=\"-1\" autocomplete=\"off\"></div>\n");
        html.append("<p class=\"sb-status\" role=\"status\" aria-live=\"polite\"></p>\n");
        html.append("<button type=\"submit\">").append(esc(texts.getString("submit"))).append("</button>\n</form>\n");
        return html.toString();
    }

    public static String message(Locale locale, String title, String text, String backLink, String backText, String staticBase) {
        StringBuilder html = page(locale, title, staticBase);
        html.append("<main class=\"sb-form\"><h1>").append(esc(title)).append("</h1><p role=\"status\" id=\"sb-message\">").append(esc(text)).append("</p>");
        if (backLink != null) {
            html.append("<p><a href=\"").append(esc(backLink)).append("\">").append(esc(backText)).append("</a></p>");
        }
        return html.append("</main>\n</body></html>\n").toString();
    }

    private static StringBuilder page(Locale locale, String title, String staticBase) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append("fi".equals(locale.getLanguage()) ? "fi" : "en").append("\"><head>")
                .append("<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(esc(staticBase)).append("/static/form.css\"></head>\n<body class=\"sb-page\">\n");
    }

    private static void field(StringBuilder html, FormField field, Locale locale, ResourceBundle texts, List<String> values, String error) {
        String id = "f-" + field.name();
        String first = values.isEmpty() ? "" : values.get(0);
        if (field.kind() == FieldKind.HIDDEN) {
            if (field.value() == null || field.value().isBlank()) {
                html.append("<input type=\"hidden\" name=\"").append(esc(field.name())).append("\" value=\"").append(esc(first)).append("\">\n");
            }
            return; // a fixed hidden value never goes to the page: the server sets it
        }
        String described = describedBy(field, error);
        String label = esc(field.labelIn(locale)) + (field.required() ? " <span class=\"sb-required\">(" + esc(texts.getString("required")) + ")</span>" : "");
        html.append("<div class=\"sb-field").append(error == null ? "" : " sb-invalid").append("\">\n");
        if (field.kind().hasOptions() && field.kind() != FieldKind.SELECT) {
            html.append("<fieldset id=\"").append(id).append("\"").append(described).append("><legend>").append(label).append("</legend>\n");
            String type = field.kind() == FieldKind.RADIO ? "radio" : "checkbox";
            int n = 0;
            for (FormField.Option option : field.options()) {
                String optionId = id + "-" + n++;
                html.append("<label class=\"sb-choice\" for=\"").append(optionId).append("\"><input type=\"").append(type).append("\" id=\"")
                        .append(optionId).append("\" name=\"").append(esc(field.name())).append("\" value=\"").append(esc(option.value())).append("\"")
                        .append(values.contains(option.value()) ? " checked" : "").append("> ").append(esc(option.labelIn(locale))).append("</label>\n");
            }
            html.append("</fieldset>\n");
        } else if (field.kind() == FieldKind.CONSENT) {
            html.append("<label class=\"sb-choice\" for=\"").append(id).append("\"><input type=\"checkbox\" id=\"").append(id).append("\" name=\"")
                    .append(esc(field.name())).append("\" value=\"yes\"").append(values.isEmpty() ? "" : " checked")
                    .append(field.required() ? " required aria-required=\"true\"" : "").append(invalid(error)).append(described).append("> ")
                    .append(label).append("</label>\n");
        } else {
            html.append("<label for=\"").append(id).append("\">").append(label).append("</label>\n");
            String common = " id=\"" + id + "\" name=\"" + esc(field.name()) + "\"" + (field.required() ? " required aria-required=\"true\"" : "")
                    + invalid(error) + described;
            switch (field.kind()) {
                case TEXTAREA -> html.append("<textarea rows=\"6\"").append(common).append(">").append(esc(first)).append("</textarea>\n");
                case SELECT -> {
                    html.append("<select").append(common).append("><option value=\"\"></option>");
                    for (FormField.Option option : field.options()) {
                        html.append("<option value=\"").append(esc(option.value())).append("\"").append(option.value().equals(first) ? " selected" : "")
                                .append(">").append(esc(option.labelIn(locale))).append("</option>");
                    }
                    html.append("</select>\n");
                }
                case FILE -> html.append("<input type=\"file\" multiple accept=\"").append(String.join(",", FileSniffer.ACCEPTED)).append("\"")
                        .append(common).append(">\n");
                default -> html.append("<input type=\"").append(inputType(field.kind())).append("\"").append(autocomplete(field))
                        .append(" value=\"").append(esc(first)).append("\"").append(common).append(">\n");
            }
        }
        if (field.help() != null && !field.help().in(locale).isBlank()) {
            html.append("<p class=\"sb-help\" id=\"").append(id).append("-help\">").append(esc(field.help().in(locale))).append("</p>\n");
        }
        if (error != null) {
            html.append("<p class=\"sb-error\" id=\"").append(id).append("-error\">").append(esc(texts.getString(error))).append("</p>\n");
        }
        html.append("</div>\n");
    }

    private static String describedBy(FormField field, String error) {
        String ids = (field.help() != null && !field.help().in(Locale.ENGLISH).isBlank() ? "f-" + field.name() + "-help " : "")
                + (error != null ? "f-" + field.name() + "-error" : "");
        return ids.isBlank() ? "" : " aria-describedby=\"" + esc(ids.strip()) + "\"";
    }

    private static String invalid(String error) {
        return error == null ? "" : " aria-invalid=\"true\"";
    }

    private static String inputType(FieldKind kind) {
        return switch (kind) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            case NUMBER -> "text\" inputmode=\"decimal";
            case DATE -> "date";
            default -> "text";
        };
    }

    private static String autocomplete(FormField field) {
        return switch (field.kind()) {
            case EMAIL -> " autocomplete=\"email\"";
            case PHONE -> " autocomplete=\"tel\"";
            default -> "name".equals(field.name()) ? " autocomplete=\"name\"" : "";
        };
    }

    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
