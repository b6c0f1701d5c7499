package org.switchboard.tickets.entity;

import java.util.Arrays;
import java.util.List;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a timeline entry's phrases as one JSON array in a text column. */
@Converter
public class PhrasesJson implements AttributeConverter<List<Phrase>, String> {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    public String convertToDatabaseColumn(List<Phrase> phrases) {
        return phrases == null || phrases.isEmpty() ? null : JSON.toJson(phrases.toArray(new Phrase[0]));
    }

    @Override
    public List<Phrase> convertToEntityAttribute(String json) {
        return json == null || json.isBlank() ? List.of() : Arrays.asList(JSON.fromJson(json, Phrase[].class));
    }

    public static String toJson(List<Phrase> phrases) {
        return new PhrasesJson().convertToDatabaseColumn(phrases);
    }

    public static List<Phrase> fromJson(String json) {
        return new PhrasesJson().convertToEntityAttribute(json);
    }
}
