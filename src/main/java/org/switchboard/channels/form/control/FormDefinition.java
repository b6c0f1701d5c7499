package org.switchboard.channels.form.control;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.switchboard.channels.connector.TypedSettings;

/** A form's fields in order; stored as JSON on the form. */
public record FormDefinition(List<FormField> fields) {

    /** Names the hosted page uses for itself: the signed token and the honeypot. */
    static final Set<String> RESERVED = Set.of("sb_token", "sb_website");

    public FormDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** What Bean Validation cannot say about one field alone; each problem names its field. */
    public FormDefinition checked() {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("fields: a form needs at least one field");
        }
        if (fields.size() > 100) {
            throw new IllegalArgumentException("fields: at most 100 fields");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            String at = "fields[" + i + "].";
            if (!names.add(field.name())) {
                throw new IllegalArgumentException(at + "name: " + field.name() + " is used twice");
            }
            if (RESERVED.contains(field.name())) {
                throw new IllegalArgumentException(at + "name: " + field.name() + " is reserved");
            }
            if (field.visible() && (field.label() == null || field.label().en() == null || field.label().en().isBlank())) {
                throw new IllegalArgumentException(at + "label: a visible field needs an English label");
            }
            if (field.kind().hasOptions() && field.options().isEmpty()) {
                throw new IllegalArgumentException(at + "options: a " + field.kind() + " field needs options");
            }
            if (!field.kind().hasOptions() && !field.options().isEmpty()) {
                throw new IllegalArgumentException(at + "options: only SELECT, RADIO and CHECKBOXES fields have options");
            }
            if (field.kind() == FieldKind.HIDDEN && field.required()) {
                throw new IllegalArgumentException(at + "required: the visitor cannot fill a hidden field");
            }
            Set<String> values = new HashSet<>();
            for (FormField.Option option : field.options()) {
                if (!values.add(option.value())) {
                    throw new IllegalArgumentException(at + "options: " + option.value() + " is used twice");
                }
            }
        }
        FormField email = contactEmailField().orElseThrow(() -> new IllegalArgumentException(
                "fields: a form needs an EMAIL field, so that the help desk can answer"));
        if (!email.required()) {
            throw new IllegalArgumentException("fields[" + fields.indexOf(email) + "].required: the first EMAIL field is whom the help desk answers; make it required");
        }
        return this;
    }

    /** The first EMAIL field: whom the help desk answers. */
    public Optional<FormField> contactEmailField() {
        return fields.stream().filter(f -> f.kind() == FieldKind.EMAIL).findFirst();
    }

    public String toJson() {
        return TypedSettings.write(this);
    }

    public static FormDefinition fromJson(String json) {
        return TypedSettings.read(json, FormDefinition.class);
    }
}
