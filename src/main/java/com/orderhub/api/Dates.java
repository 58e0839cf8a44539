package com.orderhub.api;


import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The date formats the API accepts: {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy-MM-dd}, and
 * ISO-8601 with or without an offset. A time without an offset is UTC. Everything is kept to
 * the microsecond, the precision both databases store.
 */
public final class Dates {

    public static final String FORMATS = "yyyy-MM-dd HH:mm:ss, yyyy-MM-dd or ISO-8601 with offset";

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Dates() {
    }

    /** The instant, or null when the text is in none of the accepted formats. */
    public static Instant parse(String text) {
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value.length() == 19 && value.charAt(10) == ' ') {
                return LocalDateTime.parse(value, SPACED).toInstant(ZoneOffset.UTC);
            }
            try {
                return micros(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException noOffset) {
                return micros(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant now() {
        return micros(Instant.now());
    }
}
