package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.config.OrderHubProperties.RateLimit;
import com.orderhub.config.OrderHubProperties.Scope;
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

    @Test
    void twoInstancesDrawFromTheSameBucket() {
        RateLimits one = RateLimits.inDatabase(dataSource);
        RateLimits other = RateLimits.inDatabase(dataSource);
        ApiCaller caller = new ApiCaller("demo", Set.of(Scope.read), UUID.randomUUID().toString().substring(0, 8),
                new RateLimit(1, Duration.ofHours(1), 3));

        assertThat(one.take(caller).allowed()).isTrue();
        assertThat(other.take(caller).allowed()).isTrue();
        assertThat(one.take(caller).remaining()).isZero();

        assertThat(other.take(caller).allowed()).isFalse();
    }
}
