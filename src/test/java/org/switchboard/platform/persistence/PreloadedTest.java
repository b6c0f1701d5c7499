package org.switchboard.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PreloadedTest {

    @Test
    void aKeyTheBatchAskedAboutIsAnsweredFromTheTableEvenWhenNothingWasFound() {
        Preloaded<String, Long> byEmail = new Preloaded<>(Set.of("known@x", "unknown@x"), Map.of("known@x", 7L));
        assertEquals(Optional.of(7L), byEmail.get("known@x"));
        assertTrue(byEmail.covers("unknown@x"), "asked and not found: the database had none");
        assertEquals(Optional.empty(), byEmail.get("unknown@x"));
        assertFalse(byEmail.covers("other@x"), "never asked: the caller must ask the database");
    }

    @Test
    void rowsTheBatchCreatesOrMovesAreLearned() {
        Preloaded<String, Long> byKey = new Preloaded<>(Set.of("a"), Map.of());
        byKey.put("a", 1L);
        byKey.put("b", 2L);
        assertEquals(Optional.of(1L), byKey.get("a"));
        assertTrue(byKey.covers("b"), "a key the batch created is known from then on");
        byKey.remove("a");
        assertTrue(byKey.covers("a"));
        assertEquals(Optional.empty(), byKey.get("a"), "a released key is free again");
    }

    @Test
    void aSecondPreloadAddsKeysButKeepsWhatTheBatchChanged() {
        Preloaded<String, Long> table = new Preloaded<>(Set.of("a"), Map.of());
        table.put("a", 1L);
        table.learn(Set.of("a", "c"), Map.of("a", 9L, "c", 3L));
        assertEquals(Optional.of(1L), table.get("a"), "the batch's own row wins over an older read");
        assertEquals(Optional.of(3L), table.get("c"));
    }

    @Test
    void inListsAreSlicedBelowTheDatabasesParameterLimits() {
        List<List<Integer>> slices = BatchQueries.slices(IntStream.range(0, 1_201).boxed().toList());
        assertEquals(List.of(500, 500, 201), slices.stream().map(List::size).toList());
        assertEquals(List.of(), BatchQueries.slices(List.of()));
    }
}
