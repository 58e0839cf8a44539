package com.orderhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import com.orderhub.reference.TenantStatuses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP tests: the hub on a random port (H2 by default; subclasses add the
 * {@code postgres} profile for the real database), an empty database before each test, and a
 * small client that speaks to it the way a REST client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({PostgresTestSchema.class, RabbitTestQueues.class})
@AutoConfigureObservability // metrics are exported as in a running hub (tests turn that off unless asked)
public abstract class ApiTestSupport {

    public static final String BASE = "/api/database/v1";
    public static final String DEMO = "demo-key";
    public static final String OTHER = "other-key";
    public static final String READ_ONLY = "read-key";
    public static final String DEFAULT_TENANT = "default-key";

    static {
        // One schema per test JVM, so runs on the shared PostgreSQL never see each other.
        String run = UUID.randomUUID().toString().substring(0, 8);
        System.setProperty("orderhub.test.run", run);
        System.setProperty("orderhub.test.schema", "orderhub_test_" + run);
        FileServers.start(java.nio.file.Path.of("target/test-data", run));
        TcpProxy.DATABASE.start();
        TcpProxy.BROKER.start();
        // the rabbitmq profile reads the broker's port from here, as a deployment does from its environment
        System.setProperty("ORDERHUB_RABBITMQ_PORT", System.getProperty("orderhub.test.mq-port"));
        ErpWebhook.start();
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Every answer under the base path is checked against the contract (the served document is the same file). */
    private static final ApiContractCheck CONTRACT = new ApiContractCheck(BASE);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private TenantStatuses statuses;

    protected Fixtures fixtures;

    @BeforeEach
    void emptyDatabase() {
        for (String table : new String[] {"delivery_note_line", "delivery_note", "line_detail", "line_discount",
                "order_line", "order_discount", "orders",
                // the tally after the orders (whose deletion adds to it): a test that spoiled it on purpose
                // (OrderReadApiTests) leaves nothing behind for the next one
                "order_count_delta", "order_count",
                "deleted_order", "order_change", "export_state", "message_status",
                "idempotency_key", "message",
                "inbox_lease",
                "partner_role",
                "partner_location", "business_partner", "product", "season", "discount_type", "company",
                "order_status", "line_status"}) {
            jdbc.update("DELETE FROM " + table);
        }
        statuses.seedAll();
        fixtures = new Fixtures(this, jdbc);
    }

    public record Response(int status, HttpResponse<String> raw) {

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return ApiJson.MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The {@code error} member of a problem document. */
        public String error() {
            return json().path("error").asText(null);
        }
    }

    public String url(String pathAndQuery) {
        return pathAndQuery.startsWith("http") ? pathAndQuery : "http://localhost:" + port + pathAndQuery;
    }

    public Response send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            CONTRACT.check(method, URI.create(url(path)).getPath(), response);
            return new Response(response.statusCode(), response);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("Request failed: " + method + " " + path, e);
        }
    }

    public Response get(String path) {
        return get(path, DEMO);
    }

    public Response get(String path, String key) {
        return send("GET", BASE + path, Map.of("Authorization", "Bearer " + key), null);
    }

    public Response getXml(String path) {
        return send("GET", BASE + path, Map.of("Authorization", "Bearer " + DEMO, "Accept", "application/xml"), null);
    }

    public Response post(String path, String json) {
        return post(path, json, DEMO);
    }

    public Response put(String path, String json) {
        return send("PUT", BASE + path, Map.of("Authorization", "Bearer " + DEMO, "Content-Type", "application/json"),
                json);
    }

    public Response delete(String path) {
        return send("DELETE", BASE + path, Map.of("Authorization", "Bearer " + DEMO), null);
    }

    /** The status entries of a message once none is pending any more. */
    public JsonNode awaitFinal(String statusUrl) {
        JsonNode[] entries = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> {
                    Response status = send("GET", statusUrl + (statusUrl.contains("?") ? "&" : "?") + "pageSize=1000",
                            Map.of("Authorization", "Bearer " + DEMO), null);
                    if (status.status() != 200) {
                        return false;
                    }
                    entries[0] = status.json().path("data");
                    for (JsonNode entry : entries[0]) {
                        if (entry.path("status").asText().equals("pending")
                                || entry.path("status").asText().equals("processing")) {
                            return false;
                        }
                    }
                    return true;
                });
        return entries[0];
    }

    /** Posts orders, expects the 201, and answers their final status entries. */
    public JsonNode create(String json) {
        Response accepted = post("/Order/create", json);
        if (accepted.status() != 201) {
            throw new AssertionError("Expected 201, got " + accepted.status() + ": " + accepted.body());
        }
        return awaitFinal(accepted.json().path("statusUrl").asText());
    }

    public Response post(String path, String json, String key) {
        return send("POST", BASE + path, Map.of("Authorization", "Bearer " + key,
                "Content-Type", "application/json"), json);
    }
}
