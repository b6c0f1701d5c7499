package org.switchboard.channels.form.control;

import java.util.List;

import org.switchboard.channels.connector.TypedSettings;

/**
 * A submission as it is journaled: everything the visitor sent that passed, with the form's
 * name and the token's nonce, so that processing needs nothing else. Files are base64.
 */
public record FormPayload(long formId, String formName, String nonce, String submittedAt, String language,
                          String email, String name, List<Value> values, List<File> files) {

    public static final String CONTENT_TYPE = "application/vnd.switchboard.form+json";

    public FormPayload {
        values = values == null ? List.of() : List.copyOf(values);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public record Value(String field, String kind, String label, List<String> values, boolean visible) {
    }

    public record File(String field, String filename, String contentType, String base64) {
    }

    public byte[] toJson() {
        return TypedSettings.write(this).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static FormPayload fromJson(byte[] raw) {
        return TypedSettings.read(new String(raw, java.nio.charset.StandardCharsets.UTF_8), FormPayload.class);
    }
}
