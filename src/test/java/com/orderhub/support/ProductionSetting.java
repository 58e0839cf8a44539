package com.orderhub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a production hub started by a test runs on: a PostgreSQL schema and a RabbitMQ queue of
 * this test's own on the machine's services, and one API key with read and write for tenant
 * {@code demo}. {@link #env()} is the hubs' environment, to which a test adds its own keys;
 * {@link #close()} drops the schema and deletes the queues.
 */
public final class ProductionSetting implements AutoCloseable {

    public static final List<String> ARGS = List.of("--spring.profiles.active=prod");

    private final String schema;
    private final String queue;
    private final String apiKey;
    private final Map<String, String> env = new HashMap<>();

    public ProductionSetting(String name, String apiKey) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.schema = "orderhub_" + name + "_" + run;
        this.queue = "orderhub." + name + "." + run;
        this.apiKey = apiKey;
        env.putAll(Map.of(
                "ORDERHUB_DB_URL", url(5432),
                "ORDERHUB_DB_USER", "postgres",
                "SPRING_FLYWAY_SCHEMAS", schema,
                "ORDERHUB_QUEUE_NAME", queue,
                "ORDERHUB_SECURITY_APIKEYS_0_KEY", apiKey,
                "ORDERHUB_SECURITY_APIKEYS_0_TENANT", "demo",
                "ORDERHUB_SECURITY_APIKEYS_0_SCOPES", "read,write"));
    }

    /** The schema's JDBC URL through this port (a TcpProxy's, or PostgreSQL's own). */
    public String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/test?currentSchema=" + schema;
    }

    /** The hubs' environment, for a test to add to. */
    public Map<String, String> env() {
        return env;
    }

    public String schema() {
        return schema;
    }

    public String queue() {
        return queue;
    }

    public HubApi api(int port) {
        return new HubApi("http://localhost:" + port + "/api/database/v1", apiKey);
    }

    /** Waits for the intake to store this many orders, and checks it stored each exactly once. */
    public void assertStoredOnce(int accepted) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> storedOrders().get(0) >= accepted);
        try {
            assertThat(storedOrders()).as("orders stored, distinct client references among them")
                    .containsExactly((long) accepted, (long) accepted);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Orders stored in the schema, and distinct client references among them. */
    private List<Long> storedOrders() throws Exception {
        try (Connection db = DriverManager.getConnection(url(5432), "postgres", "");
                ResultSet rows = db.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT id_remote) FROM orders")) {
            rows.next();
            return List.of(rows.getLong(1), rows.getLong(2));
        }
    }

    @Override
    public void close() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            db.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        RabbitTestQueues.deleteTopology(queue);
    }
}
