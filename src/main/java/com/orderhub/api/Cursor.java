package com.orderhub.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A keyset position in a list ordered by (timestamp, id): the last row a page returned. The
 * next page starts strictly after it, so rows that change meanwhile move behind the cursor
 * (and are returned again) instead of shifting the pages and being skipped. It also carries the
 * list's total as counted on the walk's first page, so the pages after it need not count the
 * list again.
 */
public record Cursor(Instant at, String id, long total) {

    public String encode() {
        String raw = at.toString() + "|" + id + "|" + total;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                long total = Long.parseLong(parts[2]);
                if (total >= 0) {
                    return new Cursor(Instant.parse(parts[0]), parts[1], total);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // reported below (NumberFormatException is an IllegalArgumentException)
        }
        throw ApiProblem.badRequest("Parameter cursor is not a cursor this API returned");
    }
}
