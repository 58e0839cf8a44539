package com.orderhub.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every problem of a request body, by field path, so the caller sees them all at once. */
public final class FieldErrors {

    private final Map<String, List<String>> byPath = new LinkedHashMap<>();

    public void add(String path, String message) {
        byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(message);
    }

    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    /** The first problem recorded. */
    public String first() {
        return byPath.values().iterator().next().get(0);
    }

    /** A 400 whose {@code error} is the first problem and whose {@code errors} lists them all. */
    public void throwIfAny(int status) {
        if (!byPath.isEmpty()) {
            throw new ApiProblem(status, byPath.values().iterator().next().get(0), new LinkedHashMap<>(byPath));
        }
    }

    public void throwIfAny() {
        throwIfAny(400);
    }
}
