package com.orderhub.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A keyset position in a list ordered by (timestamp, id): the last row a page returned. The
 * next page starts strictly after it, so rows that change meanwhile move behind the cursor
 * (and are returned again) instead of shifting the pages and being skipped.
 */
public record Cursor(Instant at, String id) {

    public String encode() {
        String raw = at.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar > 0 && bar < raw.length() - 1) {
                return new Cursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // reported below
        }
        throw ApiProblem.badRequest("Parameter cursor is not a cursor this API returned");
    }
}
