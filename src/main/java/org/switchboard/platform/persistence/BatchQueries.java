package org.switchboard.platform.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** IN-list queries for a whole batch, in slices every database takes. */
public final class BatchQueries {

    /** Well under PostgreSQL's and H2's bind-parameter limits, and a plan size databases handle well. */
    static final int SLICE = 500;

    private BatchQueries() {
    }

    public static <T> List<List<T>> slices(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SLICE) {
            slices.add(all.subList(from, Math.min(all.size(), from + SLICE)));
        }
        return slices;
    }
}
