package org.switchboard.channels.form.control;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.switchboard.platform.validation.OneLine;

/**
 * One field of a form, as stored in its definition and taken by the admin API. {@code name} is
 * the key of its value in a submission; the first EMAIL field is whom the help desk answers, a
 * field named {@code name} fills the contact's name. HIDDEN fields carry {@code value}, or the
 * page address's {@code urlParameter}.
 */
public record FormField(@NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "lower-case letters, digits and _, starting with a letter") String name,
                        @NotNull FieldKind kind,
                        @Valid Text label,
                        @Valid Text help,
                        boolean required,
                        @Valid @Size(max = 100) List<Option> options,
                        @Size(max = 1000) @OneLine String value,
                        @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_.-]*") String urlParameter) {

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean visible() {
        return kind != FieldKind.HIDDEN;
    }

    public String labelIn(Locale locale) {
        return label == null ? name : label.in(locale);
    }

    /** A text in English and Finnish; English stands in for a missing Finnish text. */
    public record Text(@Size(max = 500) @OneLine String en, @Size(max = 500) @OneLine String fi) {

        public String in(Locale locale) {
            boolean finnish = locale != null && "fi".equals(locale.getLanguage());
            return finnish && fi != null && !fi.isBlank() ? fi : en == null ? "" : en;
        }
    }

    /** A choice of a SELECT, RADIO or CHECKBOXES field. */
    public record Option(@NotNull @Size(min = 1, max = 100) @OneLine String value, @Valid Text label) {

        public String labelIn(Locale locale) {
            return label == null ? value : label.in(locale);
        }
    }
}
