package org.switchboard.channels.form.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.switchboard.platform.validation.SingleLine;

/**
 * Checks what a visitor sent against the form's definition; plain Java, driven by unit tests.
 * Errors are text keys of the form's bundle ({@code error.*}) per field name, shown in the
 * visitor's language; values that pass are kept in the definition's order.
 */
public final class FormValues {

    static final int MAX_LINE = 1000;
    static final int MAX_TEXT = 20_000;
    static final int MAX_FILES_PER_FIELD = 5;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,40}");
    private static final Set<String> YES = Set.of("on", "yes", "true", "1");

    /** A file as the visitor sent it. */
    public record Upload(String field, String filename, byte[] content) {
    }

    /** A file that passed: its type as sniffed. */
    public record AcceptedFile(String field, String filename, String contentType, byte[] content) {
    }

    /** A field's accepted value(s), with its label in English (the agents' record). */
    public record Entry(String name, FieldKind kind, String label, List<String> values, boolean visible) {

        public String text() {
            return String.join(", ", values);
        }
    }

    public record Result(List<Entry> entries, List<AcceptedFile> files, Map<String, String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }

        public String value(String name) {
            return entries.stream().filter(e -> e.name().equals(name)).map(Entry::text).findFirst().orElse(null);
        }
    }

    private FormValues() {
    }

    /**
     * @param posted  form parameters by name (several for checkboxes)
     * @param maxFileBytes the largest file a field takes
     */
    public static Result check(FormDefinition form, Map<String, List<String>> posted, List<Upload> uploads, long maxFileBytes) {
        List<Entry> entries = new ArrayList<>();
        List<AcceptedFile> files = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            if (field.kind() == FieldKind.FILE) {
                checkFiles(field, uploads, maxFileBytes, files, errors);
                continue;
            }
            List<String> given = posted.getOrDefault(field.name(), List.of()).stream()
                    .map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (field.kind() == FieldKind.HIDDEN && field.value() != null && !field.value().isBlank()) {
                given = List.of(field.value()); // a fixed hidden value: what the page posted does not count
            }
            if (given.isEmpty()) {
                if (field.required()) {
                    errors.put(field.name(), field.kind() == FieldKind.CONSENT ? "error.consent" : "error.required");
                }
                continue;
            }
            String error = problem(field, given);
            if (error != null) {
                errors.put(field.name(), error);
            } else {
                List<String> values = field.kind() == FieldKind.CONSENT ? List.of("yes") : given;
                entries.add(new Entry(field.name(), field.kind(), field.label() == null ? field.name() : field.label().en(), values, field.visible()));
            }
        }
        return new Result(entries, files, errors);
    }

    private static String problem(FormField field, List<String> values) {
        if (field.kind() != FieldKind.CHECKBOXES && values.size() > 1) {
            return "error.oneValue";
        }
        String value = values.get(0);
        int limit = field.kind() == FieldKind.TEXTAREA ? MAX_TEXT : MAX_LINE;
        if (values.stream().anyMatch(v -> v.length() > limit)) {
            return "error.tooLong";
        }
        if (field.kind() != FieldKind.TEXTAREA && values.stream().anyMatch(v -> !SingleLine.test(v))) {
            return "error.oneLine";
        }
        if (field.kind() == FieldKind.TEXTAREA && value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            return "error.oneLine";
        }
        switch (field.kind()) {
            case EMAIL:
                return EMAIL.matcher(value).matches() && value.length() <= 320 ? null : "error.email";
            case PHONE:
                return PHONE.matcher(value).matches() ? null : "error.phone";
            case NUMBER:
                try {
                    new BigDecimal(value.replace(',', '.'));
                    return null;
                } catch (NumberFormatException e) {
                    return "error.number";
                }
            case DATE:
                try {
                    LocalDate.parse(value);
                    return null;
                } catch (DateTimeParseException e) {
                    return "error.date";
                }
            case SELECT:
            case RADIO:
            case CHECKBOXES:
                Set<String> allowed = field.options().stream().map(FormField.Option::value).collect(Collectors.toSet());
                return allowed.containsAll(values) ? null : "error.option";
            case CONSENT:
                return YES.contains(value.toLowerCase(java.util.Locale.ROOT)) ? null : "error.consent";
            default:
                return null;
        }
    }

    private static void checkFiles(FormField field, List<Upload> uploads, long maxFileBytes, List<AcceptedFile> files, Map<String, String> errors) {
        List<Upload> mine = uploads.stream().filter(u -> u.field().equals(field.name()) && u.content().length > 0).toList();
        if (mine.isEmpty()) {
            if (field.required()) {
                errors.put(field.name(), "error.required");
            }
            return;
        }
        if (mine.size() > MAX_FILES_PER_FIELD) {
            errors.put(field.name(), "error.tooManyFiles");
            return;
        }
        for (Upload upload : mine) {
            if (upload.content().length > maxFileBytes) {
                errors.put(field.name(), "error.fileTooLarge");
                return;
            }
            String type = FileSniffer.typeOf(upload.content());
            if (!FileSniffer.ACCEPTED.contains(type)) {
                errors.put(field.name(), "error.fileType");
                return;
            }
            files.add(new AcceptedFile(field.name(), safeName(upload.filename()), type, upload.content()));
        }
    }

    /** The file's own name without any path, control characters or quotes; "file" when nothing is left. */
    static String safeName(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
        return name.isEmpty() ? "file" : name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
