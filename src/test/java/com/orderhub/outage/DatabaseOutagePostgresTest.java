package com.orderhub.outage;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.orderhub.api.Problems;
import com.orderhub.support.ApiTestSupport;
import com.orderhub.support.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * PostgreSQL taken away under the hub (TcpProxy.DATABASE drops its connections and refuses new ones)
 * and given back: every call is answered within about a second with the contract's 500 and
 * Retry-After, whatever it was doing, the later ones by the open circuit without waiting for the
 * pool; readiness says DOWN while liveness stays UP; once the database is back the hub answers as
 * before by itself.
 */
@ActiveProfiles("postgres")
class DatabaseOutagePostgresTest extends ApiTestSupport {

    /** The pool's connection timeout is 1 s; the rest is slack for a loaded machine, not a wait. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutagePostgresTest.class);

    @Autowired
    MeterRegistry registry;

    @Test
    void whileTheDatabaseIsAwayEveryCallIsAnsweredAtOnceWithRetryAfterAndReadinessSaysDown() throws Exception {
        fixtures.referenceData(DEMO, "demo");
        assertThat(get("/Company/getCompany").status()).isEqualTo(200);

        TcpProxy.DATABASE.cut();
        try {
            for (String[] call : new String[][] {{"GET", "/Company/getCompany"}, {"GET", "/Order/getOrder"},
                {"POST", "/Order/create"}, {"POST", "/Company/create"}}) {
                long started = System.nanoTime();
                Response answer = call[0].equals("GET") ? get(call[1])
                        : post(call[1], call[1].equals("/Order/create") ? "[" + orderJson("DOWN-1") + "]"
                                : "[{\"idRemote\": \"CO-9\", \"companyName\": \"Away S.L.\"}]");
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(answer.status()).as("%s %s: %s", call[0], call[1], answer.body()).isEqualTo(500);
                assertThat(answer.error()).isEqualTo(Problems.DATABASE_DOWN);
                assertThat(answer.header("Retry-After")).isEqualTo("2");
                assertThat(took).as("%s %s answered within", call[0], call[1]).isLessThan(ANSWERED_WITHIN);
            }
            // the pool's last live connections fail on their first statement; then getting one
            // fails, and after three such calls the circuit answers without trying
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> {
                Response answer = get("/Order/getOrder");
                assertThat(answer.status()).isEqualTo(500);
                assertThat(answer.error()).isEqualTo(Problems.DATABASE_DOWN);
                return registry.counter("orderhub.database.circuit.refused").count() > 0;
            });
            long refusedAt = System.nanoTime();
            assertThat(get("/Company/getCompany").error()).isEqualTo(Problems.DATABASE_DOWN);
            LOG.info("A call answered by the open circuit took {} ms", (System.nanoTime() - refusedAt) / 1_000_000);
            long started = System.nanoTime();
            Response readiness = send("GET", "/actuator/health/readiness", Map.of(), null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);
            assertThat(send("GET", "/actuator/health/liveness", Map.of(), null).status())
                    .as("the hub recovers by itself: no restart wanted").isEqualTo(200);
        } finally {
            TcpProxy.DATABASE.restore();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/Company/getCompany").status() == 200);
        assertThat(send("GET", "/actuator/health/readiness", Map.of(), null).status()).isEqualTo(200);
        assertThat(create("[" + orderJson("BACK-1") + "]").get(0).path("status").asText()).isEqualTo("completed");
    }
}
