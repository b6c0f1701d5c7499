package org.switchboard.platform.persistence;

import jakarta.persistence.EntityManager;

/** Loads an entity a request refers to by id; a missing one is a 400 naming the request field. */
public final class Lookups {

    private Lookups() {
    }

    public static <T> T require(EntityManager em, Class<T> type, Long id, String field) {
        T found = id == null ? null : em.find(type, id);
        if (found == null) {
            throw new IllegalArgumentException(field + ": no " + type.getSimpleName().toLowerCase() + " " + id);
        }
        return found;
    }
}
