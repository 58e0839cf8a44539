package com.orderhub.api;

import com.orderhub.config.OrderHubProperties.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Token buckets per API key (Bucket4j): a request takes one token or is refused with the time
 * until the next one. In memory, each instance counts on its own; in the database
 * (PostgreSQL, table {@code rate_limit_bucket}), every instance draws from the same bucket, so
 * the limit holds across instances: to within {@link #unsynchronized} tokens per instance, which
 * an instance may hand out from its own copy of the bucket before it writes back.
 */
public final class RateLimits {

    /** Name of the one policy, in the {@code RateLimit} and {@code RateLimit-Policy} headers. */
    public static final String POLICY = "per-key";

    /** What a request's token said: whether it may go on, what is left, and when to come back. */
    public record Decision(boolean allowed, RateLimit limit, long remaining, long secondsToFull, long retryAfterSeconds) {

        /** {@code RateLimit-Policy} (IETF httpapi draft): the quota and the window it refills in. */
        public String policyHeader() {
            return "\"" + POLICY + "\";q=" + limit.burst() + ";w=" + windowSeconds(limit);
        }

        /** {@code RateLimit}: requests remaining and seconds until the quota is whole again. */
        public String limitHeader() {
            return "\"" + POLICY + "\";r=" + remaining + ";t=" + secondsToFull;
        }
    }

    private final Function<ApiCaller, Bucket> buckets;

    private RateLimits(Function<ApiCaller, Bucket> buckets) {
        this.buckets = buckets;
    }

    public static RateLimits inMemory() {
        Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        return new RateLimits(caller -> buckets.computeIfAbsent(caller.fingerprint(),
                key -> Bucket.builder().addLimit(bandwidth(caller.rateLimit())).build()));
    }

    public static RateLimits inDatabase(DataSource dataSource) {
        ProxyManager<String> proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state")
                .build();
        Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        return new RateLimits(caller -> buckets.computeIfAbsent(caller.fingerprint(), key -> proxies.builder()
                .withOptimization(optimization(caller.rateLimit()))
                .build(key, () -> BucketConfiguration.builder().addLimit(bandwidth(caller.rateLimit())).build())));
    }

    /**
     * How many of a key's tokens an instance may hand out from its own copy of the bucket before
     * it writes to the database (or after a second): a twentieth of the burst. Its row's three
     * statements cost a read of ten orders about as much as the read itself; across N instances
     * a key may take up to N times this many requests more than its burst.
     */
    static long unsynchronized(RateLimit limit) {
        return limit.burst() / 20;
    }

    /**
     * One proxy per key. A key with a small burst goes to its row on every request, batching:
     * concurrent requests of the key share one locked round trip instead of queueing on the row
     * lock one transaction after another.
     */
    private static Optimization optimization(RateLimit limit) {
        long tokens = unsynchronized(limit);
        return tokens == 0 ? Optimizations.batching()
                : Optimizations.delaying(new DelayParameters(tokens, Duration.ofSeconds(1)));
    }

    public Decision take(ApiCaller caller) {
        ConsumptionProbe probe = buckets.apply(caller).tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), caller.rateLimit(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill()));
    }

    private static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder().capacity(limit.burst()).refillGreedy(limit.requests(), limit.per()).build();
    }

    /** The seconds an empty bucket takes to fill up. */
    static long windowSeconds(RateLimit limit) {
        return Math.max(1, seconds(limit.per().toNanos() * limit.burst() / limit.requests()));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
