package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.config.ApiConfiguration;
import com.orderhub.config.OrderHubProperties.RateLimit;
import com.orderhub.config.OrderHubProperties.Scope;
import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/** {@link RateLimitTests} with the buckets in PostgreSQL, as in prod; and shared by two instances. */
@ActiveProfiles("postgres")
class RateLimitPostgresTest extends RateLimitTests {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ApiConfiguration.BucketPool bucketPool;

    @Test
    void twoInstancesDrawFromTheSameBucket() {
        RateLimits one = RateLimits.inDatabase(dataSource);
        RateLimits other = RateLimits.inDatabase(dataSource);
        ApiCaller caller = newKey(3);

        assertThat(one.take(caller).allowed()).isTrue();
        assertThat(other.take(caller).allowed()).isTrue();
        assertThat(one.take(caller).remaining()).isZero();

        assertThat(other.take(caller).allowed()).isFalse();
    }

    /**
     * A large burst is served partly from each instance's copy of the bucket: the key gets its
     * burst across instances, and at most a twentieth of it more per instance, never less.
     */
    @Test
    void aLargeBurstIsSharedWithinWhatEachInstanceHandsOutAlone() {
        RateLimits one = RateLimits.inDatabase(dataSource);
        RateLimits other = RateLimits.inDatabase(dataSource);
        ApiCaller caller = newKey(40);
        assertThat(RateLimits.unsynchronized(caller.rateLimit())).isEqualTo(2);

        int allowed = 0;
        boolean oneRefuses = false;
        boolean otherRefuses = false;
        for (int i = 0; i < 100 && !(oneRefuses && otherRefuses); i++) {
            if (!oneRefuses && one.take(caller).allowed()) {
                allowed++;
            } else {
                oneRefuses = true;
            }
            if (!otherRefuses && other.take(caller).allowed()) {
                allowed++;
            } else {
                otherRefuses = true;
            }
        }

        assertThat(oneRefuses && otherRefuses).isTrue();
        assertThat(allowed).isBetween(40, 40 + 2 * 2);
    }

    /** A request's bucket update holds its key's row lock: it must not wait for the disk meanwhile. */
    @Test
    void theBucketsCommitWithoutWaitingForTheDisk() throws Exception {
        assertThat(bucketPool.dataSource()).isNotSameAs(dataSource);
        try (Connection buckets = bucketPool.dataSource().getConnection();
                Connection hub = dataSource.getConnection()) {
            assertThat(setting(buckets, "synchronous_commit")).isEqualTo("off");
            assertThat(setting(hub, "synchronous_commit")).as("orders still wait for the disk").isEqualTo("on");
        }
    }

    /** A key no test has used, whose bucket holds this many requests and gains one an hour. */
    private static ApiCaller newKey(long burst) {
        return new ApiCaller("demo", Set.of(Scope.read), UUID.randomUUID().toString().substring(0, 8),
                new RateLimit(1, Duration.ofHours(1), burst));
    }

    private static String setting(Connection connection, String name) throws Exception {
        try (var result = connection.createStatement().executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
