package com.orderhub.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import com.orderhub.support.Fixtures;
import com.orderhub.support.HubApi;
import com.orderhub.support.HubProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub killed (SIGKILL, not a shutdown) in the middle of storing 2,000 accepted orders, then
 * started again: every order is stored exactly once. Runs the packaged jar as a separate
 * process, in production (PostgreSQL and RabbitMQ) and in the embedded profile (H2 files and the
 * in-JVM queue, recovered from the database at start).
 */
class HubCrashIT {

    private static final int REQUESTS = 20;
    private static final int ORDERS_PER_REQUEST = 100;
    @TempDir
    Path dataDir;

    /** How the first hub ends: SIGKILL (a crash) or SIGTERM (an operator's stop, a rolling deploy). */
    private enum Stop { KILL, TERM }

    @Test
    void productionLosesAndDoublesNothingWhenKilled() throws Exception {
        inProduction(Stop.KILL);
    }

    @Test
    void productionStopsGracefullyMidIntakeAndLosesAndDoublesNothing() throws Exception {
        inProduction(Stop.TERM);
    }

    private void inProduction(Stop stop) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String schema = "orderhub_crash_" + run;
        Map<String, String> env = Map.of(
                "ORDERHUB_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                "ORDERHUB_DB_USER", "postgres",
                "SPRING_FLYWAY_SCHEMAS", schema,
                "ORDERHUB_QUEUE_NAME", "orderhub.crash." + run,
                "ORDERHUB_SECURITY_APIKEYS_0_KEY", "crash-key",
                "ORDERHUB_SECURITY_APIKEYS_0_TENANT", "demo",
                "ORDERHUB_SECURITY_APIKEYS_0_SCOPES", "read,write");
        try {
            crashAndRecover(List.of("--spring.profiles.active=prod"), env, "crash-key", stop);
        } finally {
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                db.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            new ProcessBuilder("rabbitmqctl", "delete_queue", "orderhub.crash." + run).start().waitFor();
            new ProcessBuilder("rabbitmqctl", "delete_queue", "orderhub.crash." + run + ".dead").start().waitFor();
        }
    }

    @Test
    void theEmbeddedProfileLosesAndDoublesNothingWhenKilled() throws Exception {
        crashAndRecover(List.of("--orderhub.data-dir=" + dataDir), Map.of(), "demo-key", Stop.KILL);
    }

    private void crashAndRecover(List<String> args, Map<String, String> env, String key, Stop stop) throws Exception {
        int port = HubProcess.freePort();
        HubProcess hub = HubProcess.start(port, args, env, dataDir.resolve("hub-1.log"));
        List<String> statusUrls = new ArrayList<>();
        try {
            HubApi api = new HubApi("http://localhost:" + port + "/api/database/v1", key);
            referenceData(api);
            for (int r = 0; r < REQUESTS; r++) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < ORDERS_PER_REQUEST; i++) {
                    body.append(i == 0 ? "" : ",").append(Fixtures.orderJson("CRASH-" + r + "-" + i));
                }
                HttpResponse<String> accepted = api.post("/Order/create", body.append(']').toString());
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
                statusUrls.add(ApiJson.MAPPER.readTree(accepted.body()).path("statusUrl").asText()
                        .replaceFirst("http://localhost:\\d+", ""));
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> completed(api, statusUrls.get(0)) >= 10);
            int before = completedTotal(api, statusUrls);
            if (stop == Stop.KILL) {
                hub.kill();
            } else {
                assertThat(hub.terminate()).as("a SIGTERM stops the hub within its shutdown timeout").isTrue();
                assertThat(Files.readString(hub.log())).contains("Graceful shutdown complete");
            }
            assertThat(before).as("stopped before the intake was done").isLessThan(REQUESTS * ORDERS_PER_REQUEST);
        } catch (Throwable e) {
            hub.kill();
            throw e;
        }

        HubProcess restarted = HubProcess.start(port, args, env, dataDir.resolve("hub-2.log"));
        try {
            HubApi api = new HubApi("http://localhost:" + port + "/api/database/v1", key);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> completedTotal(api, statusUrls) == REQUESTS * ORDERS_PER_REQUEST);
            Set<String> ids = new HashSet<>();
            for (String statusUrl : statusUrls) {
                for (JsonNode entry : api.getJson(statusUrl + "?pageSize=1000").path("data")) {
                    assertThat(entry.path("status").asText()).isEqualTo("completed");
                    ids.add(entry.path("id").asText());
                }
            }
            assertThat(ids).hasSize(REQUESTS * ORDERS_PER_REQUEST);
            JsonNode all = api.getJson("/Order/getOrder?pageSize=1");
            assertThat(all.path("pagination").path("totalItems").asInt()).isEqualTo(REQUESTS * ORDERS_PER_REQUEST);
        } finally {
            restarted.stop();
        }
    }

    private static int completedTotal(HubApi api, List<String> statusUrls) throws IOException, InterruptedException {
        int total = 0;
        for (String statusUrl : statusUrls) {
            total += completed(api, statusUrl);
        }
        return total;
    }

    private static int completed(HubApi api, String statusUrl) throws IOException, InterruptedException {
        int done = 0;
        for (JsonNode entry : api.getJson(statusUrl + "?pageSize=1000").path("data")) {
            done += entry.path("status").asText().equals("completed") ? 1 : 0;
        }
        return done;
    }

    static void referenceData(HubApi api) throws Exception {
        for (String[] call : new String[][] {
            {"/Company/create", "[{\"idRemote\": \"CO-1\", \"companyName\": \"Moda Norte S.L.\"}]"},
            {"/BusinessPartner/create", """
                [{"idRemote": "CL-1", "companyId": "CO-1", "contactName": "Boutique Alba", "roles": ["Client"],
                  "locations": [{"idRemote": "SHIP-1", "address": "Calle Mayor 1", "shippingAddress": true},
                                {"idRemote": "BILL-1", "address": "Gran Via 2", "billingAddress": true}]},
                 {"idRemote": "AG-1", "companyId": "CO-1", "contactName": "Iker", "roles": ["Representant"]}]"""},
            {"/Product/create", "[{\"idRemote\": \"PR-1\", \"reference\": \"A\"}, {\"idRemote\": \"PR-2\", \"reference\": \"B\"}]"},
            {"/Season/create", "[{\"idRemote\": \"SS26\", \"description\": \"Spring-Summer 2026\"}]"},
            {"/DiscountType/create", "[{\"idRemote\": \"DT-1\", \"name\": \"Early payment\"}]"}}) {
            HttpResponse<String> response = api.post(call[0], call[1]);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }
}
