package com.orderhub.outage;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.orderhub.support.ApiTestSupport;
import com.orderhub.support.TcpProxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * RabbitMQ taken away under the hub (TcpProxy.BROKER drops its connections and refuses new ones)
 * and given back: a create is answered at once with 503 and Retry-After, nothing accepted;
 * readiness says DOWN, liveness UP; once the broker is back, orders are accepted and stored again
 * without a restart. A publishing connection made again holds orders back for
 * {@code orderhub.queue.settle-after-reconnect} before they are published.
 */
@ActiveProfiles({"postgres", "rabbitmq"})
class BrokerOutageRabbitTest extends ApiTestSupport {

    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(3);
    /** orderhub.queue.settle-after-reconnect's default. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @Autowired
    private ConnectionFactory rabbit;

    @Test
    void afterThePublishingConnectionIsMadeAgainOrdersWaitForTheQueueToSettleThenAreAccepted() throws Exception {
        fixtures.referenceData(DEMO, "demo");
        assertThat(create("[" + orderJson("FIRST-1") + "]").get(0).path("status").asText()).isEqualTo("completed");

        // what a broker restart does to the hub's publishing connection, without restarting the broker
        rabbit.getPublisherConnectionFactory().resetConnection();
        long started = System.nanoTime();
        Response accepted = post("/Order/create", "[" + orderJson("AGAIN-1") + "]");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(took).as("held back before publishing").isGreaterThanOrEqualTo(SETTLE);
        long again = System.nanoTime();
        assertThat(post("/Order/create", "[" + orderJson("AGAIN-2") + "]").status()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - again)).as("the next one is not").isLessThan(SETTLE);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM orders WHERE id_remote IN ('AGAIN-1', 'AGAIN-2')", Integer.class) == 2);
    }

    @Test
    void whileTheBrokerIsAwayACreateIsRefusedAtOnceWithRetryAfterAndNothingIsAccepted() throws Exception {
        fixtures.referenceData(DEMO, "demo");
        assertThat(create("[" + orderJson("BEFORE-1") + "]").get(0).path("status").asText()).isEqualTo("completed");

        TcpProxy.BROKER.cut();
        try {
            long started = System.nanoTime();
            Response refused = post("/Order/create", "[" + orderJson("AWAY-1") + "]");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.error()).isEqualTo("The order queue is unavailable; nothing was accepted. Retry later.");
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message", Integer.class)).as("nothing accepted").isEqualTo(1);
            assertThat(get("/Order/getOrder").status()).as("reads need no broker").isEqualTo(200);
            assertThat(send("GET", "/actuator/health/readiness", Map.of(), null).status()).isEqualTo(503);
            assertThat(send("GET", "/actuator/health/liveness", Map.of(), null).status()).isEqualTo(200);
        } finally {
            TcpProxy.BROKER.restore();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> send("GET", "/actuator/health/readiness", Map.of(), null).status() == 200);
        assertThat(create("[" + orderJson("AFTER-1") + "]").get(0).path("status").asText()).isEqualTo("completed");
    }
}
