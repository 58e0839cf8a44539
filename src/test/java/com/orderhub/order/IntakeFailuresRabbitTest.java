package com.orderhub.order;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.support.ApiTestSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * What happens to accepted orders when things fail, against the real PostgreSQL and RabbitMQ:
 * nothing accepted is lost, nothing is stored twice, and what cannot be stored is parked.
 */
@ActiveProfiles({"postgres", "rabbitmq"})
class IntakeFailuresRabbitTest extends ApiTestSupport {

    @Autowired
    private CamelContext camel;

    @Autowired
    private RabbitAdmin admin;

    @Autowired
    private OrderHubProperties properties;

    @BeforeEach
    void referenceData() throws Exception {
        fixtures.referenceData(DEMO, "demo");
        camel.getRouteController().startRoute("order-intake");
    }

    /** HTTP Basic for the operator of the test profile (orderhub.console.*). */
    private static Map<String, String> operator(String credentials) {
        return Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private int depth(String queue) {
        Properties info = admin.getQueueProperties(queue);
        return info == null ? -1 : ((Number) info.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).intValue();
    }

    private String postOrders(String prefix, int count) {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(orderJson(prefix + i).toString());
        }
        Response accepted = post("/Order/create", "[" + String.join(",", orders) + "]");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().path("statusUrl").asText();
    }

    @Test
    void healthCoversTheDatabaseAndTheBroker() {
        JsonNode health = send("GET", "/actuator/health", Map.of(), null).json();

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("rabbit").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void acceptedOrdersWaitInTheBrokerWhileTheIntakeIsStopped() throws Exception {
        camel.getRouteController().stopRoute("order-intake");

        String statusUrl = postOrders("WAIT-", 5);

        // the request's five orders wait together, as one batch the intake stores in one transaction
        assertThat(depth(properties.queue().name())).isEqualTo(1);
        JsonNode waiting = get(statusUrl.substring(statusUrl.indexOf(BASE) + BASE.length())).json().path("data");
        waiting.forEach(entry -> assertThat(entry.path("status").asText()).isEqualTo("pending"));

        camel.getRouteController().startRoute("order-intake");

        JsonNode entries = awaitFinal(statusUrl);
        entries.forEach(entry -> assertThat(entry.path("status").asText()).isEqualTo("completed"));
        assertThat(fixtures.count("orders")).isEqualTo(5);
        assertThat(depth(properties.queue().name())).isZero();
    }

    /**
     * An order the database keeps refusing for a reason that is not the order's fault fails
     * alone: the other orders of its batch are stored, it is retried, then fails with 500 and its
     * batch is parked on the dead-letter queue; once the cause is gone an operator replays the
     * batch and only that order is stored (the others stay completed, stored once).
     */
    @Test
    void aPoisonedOrderIsDeadLetteredAloneWithItsEntryFailedAndCanBeReplayed() {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger AS $$
                BEGIN
                  IF NEW.id_remote = 'POISON' THEN RAISE EXCEPTION 'storage refuses this order'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        jdbc.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
        String statusUrl;
        try {
            statusUrl = post("/Order/create", "[" + orderJson("GOOD-1") + "," + orderJson("POISON") + ","
                    + orderJson("GOOD-2") + "]").json().path("statusUrl").asText();

            JsonNode entries = awaitFinal(statusUrl);
            assertThat(entries.get(0).path("status").asText()).isEqualTo("completed");
            assertThat(entries.get(2).path("status").asText()).isEqualTo("completed");
            JsonNode poisoned = entries.get(1);
            assertThat(poisoned.path("status").asText()).isEqualTo("failed");
            assertThat(poisoned.path("code").asInt()).isEqualTo(500);
            assertThat(poisoned.path("errorMessage").asText()).startsWith("An unexpected error occurred; quote correlation id");
            await().atMost(Duration.ofSeconds(20)).until(() -> depth(properties.queue().deadLetterName()) == 1);
            Response parked = send("GET", "/actuator/deadletters", Map.of(), null);
            assertThat(parked.json().path("messages").asInt()).isEqualTo(1);
            assertThat(fixtures.count("orders")).isEqualTo(2);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_poison ON orders");
        }

        Response refused = send("POST", "/actuator/deadletters", Map.of(), null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("Replaying dead letters needs the operator's name and password.\n");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic ");
        Response wrongPassword = send("POST", "/actuator/deadletters", operator("operator:guess"), null);
        assertThat(wrongPassword.status()).isEqualTo(401);
        Response otherSite = send("POST", "/actuator/deadletters", Map.of("Authorization", operator("operator:test operator")
                .get("Authorization"), "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors"), null);
        assertThat(otherSite.status()).as("a page of another site, with the browser's cached credentials").isEqualTo(403);
        assertThat(depth(properties.queue().deadLetterName())).as("nothing replayed without the operator").isEqualTo(1);

        Response replay = send("POST", "/actuator/deadletters", operator("operator:test operator"), null);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.count("orders") == 3);
        assertThat(depth(properties.queue().deadLetterName())).isZero();
        awaitFinal(statusUrl).forEach(entry -> assertThat(entry.path("status").asText()).isEqualTo("completed"));
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT id_remote) FROM orders", Integer.class)).isEqualTo(3);
    }

    /**
     * The hub's database connections are cut again and again while the intake works: every
     * accepted order still ends completed, exactly once.
     */
    @Test
    void everyOrderIsStoredExactlyOnceWhileDatabaseConnectionsAreCut() throws Exception {
        camel.getRouteController().stopRoute("order-intake");
        List<String> statusUrls = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            statusUrls.add(postOrders("CUT-" + r + "-", 100));
        }
        AtomicBoolean cutting = new AtomicBoolean(true);
        AtomicInteger cut = new AtomicInteger();
        Thread killer = new Thread(() -> {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                    Statement statement = admin.createStatement()) {
                long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (cutting.get() && System.nanoTime() < end) {
                    var killed = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                            + "WHERE application_name = 'orderhub-test-" + System.getProperty("orderhub.test.run") + "'");
                    killed.next();
                    cut.addAndGet(killed.getInt(1));
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        killer.start();
        camel.getRouteController().startRoute("order-intake");
        killer.join();
        cutting.set(false);

        assertThat(cut.get()).isPositive();
        List<String> ids = new ArrayList<>();
        for (String statusUrl : statusUrls) {
            for (JsonNode entry : awaitFinal(statusUrl)) {
                assertThat(entry.path("status").asText()).as(entry.toString()).isEqualTo("completed");
                ids.add(entry.path("id").asText());
            }
        }
        assertThat(new HashSet<>(ids)).hasSize(300);
        assertThat(fixtures.count("orders")).isEqualTo(300);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT id_remote) FROM orders", Integer.class)).isEqualTo(300);
    }
}
