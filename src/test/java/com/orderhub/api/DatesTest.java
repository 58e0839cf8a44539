package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void acceptsTheSeedFormatsAndIsoWithOrWithoutOffset() {
        assertThat(Dates.parse("2026-01-10 10:00:00")).isEqualTo(Instant.parse("2026-01-10T10:00:00Z"));
        assertThat(Dates.parse("2026-01-10")).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
        assertThat(Dates.parse("2026-01-10T13:00:00+02:00")).isEqualTo(Instant.parse("2026-01-10T11:00:00Z"));
        assertThat(Dates.parse("2026-01-10T13:00:00.123456789Z")).isEqualTo(Instant.parse("2026-01-10T13:00:00.123456Z"));
        assertThat(Dates.parse("2026-01-10T13:00:00")).isEqualTo(Instant.parse("2026-01-10T13:00:00Z"));
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(Dates.parse("10/01/2026")).isNull();
        assertThat(Dates.parse("2026-13-01")).isNull();
        assertThat(Dates.parse("2026-01-10 25:00:00")).isNull();
        assertThat(Dates.parse("yesterday")).isNull();
    }
}
