package org.switchboard.channels.form.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.form.control.FormValues.Upload;

class FormValuesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    private static Map<String, List<String>> valid() {
        Map<String, List<String>> posted = new HashMap<>();
        posted.put("name", List.of("Liisa Laine"));
        posted.put("email", List.of(" liisa@example.fi "));
        posted.put("message", List.of("Line one\nLine two"));
        posted.put("consent", List.of("yes"));
        return posted;
    }

    @Test
    void aCompleteSubmissionKeepsItsValuesInTheFormsOrderWithHiddenFieldsMarked() {
        Map<String, List<String>> posted = valid();
        posted.put("products", List.of("a", "b"));
        posted.put("campaign", List.of("spring"));
        posted.put("source", List.of("forged by the visitor"));
        FormValues.Result result = FormValues.check(FormFixtures.everyKind(), posted, List.of(new Upload("files", "C:\\tmp\\shot.png", PNG)), 1000);
        assertTrue(result.valid(), result.errors().toString());
        assertEquals("liisa@example.fi", result.value("email"));
        assertEquals("a, b", result.value("products"));
        assertEquals("spring", result.value("campaign"));
        assertEquals("website", result.value("source"), "a fixed hidden value is the server's, not what was posted");
        assertFalse(result.entries().stream().filter(e -> e.name().equals("campaign")).findFirst().orElseThrow().visible());
        assertEquals(List.of("name", "email", "message", "products", "consent", "campaign", "source"),
                result.entries().stream().map(FormValues.Entry::name).toList());
        assertEquals("shot.png", result.files().get(0).filename(), "no client path");
        assertEquals("image/png", result.files().get(0).contentType());
    }

    @Test
    void eachFieldSaysWhatIsWrongWithIt() {
        Map<String, List<String>> posted = new HashMap<>();
        posted.put("name", List.of("Liisa\r\nBcc: x@example.com"));
        posted.put("email", List.of("not-an-address"));
        posted.put("phone", List.of("call me"));
        posted.put("count", List.of("ten"));
        posted.put("day", List.of("31.12.2026"));
        posted.put("topic", List.of("other"));
        posted.put("urgency", List.of("low", "high"));
        FormValues.Result result = FormValues.check(FormFixtures.everyKind(), posted, List.of(), 1000);
        assertEquals(Map.of("name", "error.oneLine", "email", "error.email", "phone", "error.phone", "message", "error.required",
                "count", "error.number", "day", "error.date", "topic", "error.option", "urgency", "error.oneValue",
                "consent", "error.consent"), result.errors());
    }

    @Test
    void filesAreJudgedByTheirBytesAndSize() {
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0};
        assertEquals("error.fileType", FormValues.check(FormFixtures.everyKind(), valid(), List.of(new Upload("files", "photo.png", exe)), 1000)
                .errors().get("files"), "an executable named .png is refused");
        assertEquals("text/plain", FormValues.check(FormFixtures.everyKind(), valid(), List.of(new Upload("files", "page.html", script)), 1000)
                .files().get(0).contentType(), "markup is kept as text, never served as a page");
        assertEquals("error.fileTooLarge", FormValues.check(FormFixtures.everyKind(), valid(), List.of(new Upload("files", "a.png", PNG)), 8)
                .errors().get("files"));
    }

    @Test
    void aDefinitionWithoutAnAddressToAnswerOrWithDuplicateNamesIsRefusedNamingTheField() {
        FormDefinition noEmail = new FormDefinition(List.of(FormFixtures.field("name", FieldKind.TEXT, true)));
        IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, noEmail::checked);
        assertTrue(missing.getMessage().startsWith("fields:"), missing.getMessage());
        FormDefinition twice = new FormDefinition(List.of(FormFixtures.field("email", FieldKind.EMAIL, true), FormFixtures.field("email", FieldKind.TEXT, false)));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, twice::checked).getMessage().startsWith("fields[1].name:"));
        FormDefinition noOptions = new FormDefinition(List.of(FormFixtures.field("email", FieldKind.EMAIL, true), FormFixtures.field("topic", FieldKind.SELECT, false)));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, noOptions::checked).getMessage().startsWith("fields[1].options:"));
    }

    @Test
    void theDefinitionSurvivesItsJson() {
        assertEquals(FormFixtures.everyKind(), FormDefinition.fromJson(FormFixtures.everyKind().toJson()));
    }
}
