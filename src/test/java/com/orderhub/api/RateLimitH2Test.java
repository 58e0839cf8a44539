package com.orderhub.api;

/** {@link RateLimitTests} with the buckets in memory, as in the embedded quick start. */
class RateLimitH2Test extends RateLimitTests {
}
