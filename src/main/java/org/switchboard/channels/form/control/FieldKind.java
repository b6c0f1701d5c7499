package org.switchboard.channels.form.control;

/** The kinds of field a form can have. */
public enum FieldKind {
    TEXT, EMAIL, PHONE, TEXTAREA, NUMBER, DATE, SELECT, RADIO, CHECKBOXES, FILE, CONSENT,
    /** Not shown to the visitor: a fixed value, or one taken from the page address ({@code urlParameter}). */
    HIDDEN;

    public boolean hasOptions() {
        return this == SELECT || this == RADIO || this == CHECKBOXES;
    }
}
