package org.switchboard.channels.form.control;

import java.util.List;

import org.switchboard.channels.form.control.FormField.Option;
import org.switchboard.channels.form.control.FormField.Text;

/** A contact form with one field of every kind, for the form tests. */
final class FormFixtures {

    private FormFixtures() {
    }

    static FormField field(String name, FieldKind kind, boolean required, Option... options) {
        return new FormField(name, kind, new Text(name + " label", name + " otsikko"), null, required, List.of(options), null, null);
    }

    static Option option(String value) {
        return new Option(value, new Text(value + " en", value + " fi"));
    }

    static FormDefinition everyKind() {
        return new FormDefinition(List.of(
                field("name", FieldKind.TEXT, true),
                field("email", FieldKind.EMAIL, true),
                field("phone", FieldKind.PHONE, false),
                field("message", FieldKind.TEXTAREA, true),
                field("count", FieldKind.NUMBER, false),
                field("day", FieldKind.DATE, false),
                field("topic", FieldKind.SELECT, false, option("billing"), option("tech")),
                field("urgency", FieldKind.RADIO, false, option("low"), option("high")),
                field("products", FieldKind.CHECKBOXES, false, option("a"), option("b")),
                field("files", FieldKind.FILE, false),
                field("consent", FieldKind.CONSENT, true),
                new FormField("campaign", FieldKind.HIDDEN, null, null, false, List.of(), null, "utm_campaign"),
                new FormField("source", FieldKind.HIDDEN, null, null, false, List.of(), "website", null))).checked();
    }
}
