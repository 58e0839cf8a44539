package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per API key (token buckets): the draft's headers on every answer, 429 with
 * Retry-After once the bucket is empty. {@code limited-key} holds 2 requests and gains 1 an
 * hour, so its third request is refused however slow the machine.
 */
abstract class RateLimitTests extends ApiTestSupport {

    private static final String LIMITED = "limited-key";

    @Test
    void aKeyPastItsBurstIsRefusedWithRetryAfterUntilItsBucketRefills() {
        Response first = get("/Order/getOrder", LIMITED);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Policy")).isEqualTo("\"per-key\";q=2;w=7200");
        assertThat(first.header("RateLimit")).matches("\"per-key\";r=1;t=\\d+");

        Response second = get("/Order/getOrder", LIMITED);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("RateLimit")).matches("\"per-key\";r=0;t=\\d+");

        Response refused = get("/Order/getOrder", LIMITED);

        assertThat(refused.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(3500L, 3600L);
        assertThat(refused.error()).isEqualTo("Too many requests for this API key: 2 at once, then 1 every 1h. "
                + "Retry after " + retryAfter + " s.");
        assertThat(refused.header("RateLimit")).startsWith("\"per-key\";r=0;t=");
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);

        Response write = post("/Order/create", "[]", LIMITED);
        assertThat(write.status()).as("a write is refused as well, before anything is read").isEqualTo(429);
        assertThat(get("/Order/getOrder").status()).as("another key has its own bucket").isEqualTo(200);
    }
}
