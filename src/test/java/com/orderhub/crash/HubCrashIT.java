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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub killed (SIGKILL, not a shutdown) or stopped (SIGTERM) while clients post orders and
 * the intake stores them, then started again: every accepted order is stored exactly once. Runs the packaged jar as a separate
 * process, in production (PostgreSQL and RabbitMQ) and in the embedded profile (H2 files and the
 * in-JVM queue, recovered from the database at start).
 */
class HubCrashIT {

    private static final int REQUESTS = 40;
    private static final int ORDERS_PER_REQUEST = 100;
    private static final int CLIENTS = 4;
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
            com.orderhub.support.RabbitTestQueues.deleteTopology("orderhub.crash." + run);
        }
    }

    @Test
    void theEmbeddedProfileLosesAndDoublesNothingWhenKilled() throws Exception {
        crashAndRecover(List.of("--orderhub.data-dir=" + dataDir), Map.of(), "demo-key", Stop.KILL);
    }

    private void crashAndRecover(List<String> args, Map<String, String> env, String key, Stop stop) throws Exception {
        int port = HubProcess.freePort();
        // the hubs' logs outlive the test's folder, for whoever has to read why a run failed
        Path logs = Files.createDirectories(Path.of("target", "crash-logs", "port-" + port));
        // one intake consumer and several posting clients: orders are accepted faster than they
        // are stored, so the stop always finds a backlog, however fast the intake's batches are
        List<String> hubArgs = new ArrayList<>(args);
        hubArgs.add("--orderhub.intake.consumers=1");
        HubProcess hub = HubProcess.start(port, hubArgs, env, logs.resolve("hub-1.log"));
        List<String> statusUrls = Collections.synchronizedList(new ArrayList<>());
        try {
            HubApi api = new HubApi("http://localhost:" + port + "/api/database/v1", key);
            api.createReferenceData();
            AtomicInteger nextRequest = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread client = new Thread(() -> post(api, nextRequest, statusUrls));
                client.start();
                clients.add(client);
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !statusUrls.isEmpty() && completed(api, statusUrls.get(0)) >= 10);
            List<String> acceptedBefore = List.copyOf(statusUrls);
            int before = completedTotal(api, acceptedBefore);
            if (stop == Stop.KILL) {
                hub.kill();
            } else {
                assertThat(hub.terminate()).as("a SIGTERM stops the hub within its shutdown timeout").isTrue();
                assertThat(Files.readString(hub.log())).contains("Graceful shutdown complete");
            }
            for (Thread client : clients) {
                client.join();
            }
            assertThat(before).as("stopped before the intake was done")
                    .isLessThan(acceptedBefore.size() * ORDERS_PER_REQUEST);
        } catch (Throwable e) {
            hub.kill();
            throw e;
        }
        int accepted = statusUrls.size() * ORDERS_PER_REQUEST;

        HubProcess restarted = HubProcess.start(port, args, env, logs.resolve("hub-2.log"));
        try {
            HubApi api = new HubApi("http://localhost:" + port + "/api/database/v1", key);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> completedTotal(api, statusUrls) == accepted);
            Set<String> ids = new HashSet<>();
            for (String statusUrl : statusUrls) {
                for (JsonNode entry : api.getJson(statusUrl + "?pageSize=1000").path("data")) {
                    assertThat(entry.path("status").asText()).isEqualTo("completed");
                    ids.add(entry.path("id").asText());
                }
            }
            assertThat(ids).hasSize(accepted);
            // a request cut off by the stop may have been accepted without its 201: its orders
            // are stored too (once), the clients just never learnt of them
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                int stored = api.getJson("/Order/getOrder?pageSize=1").path("pagination").path("totalItems").asInt();
                assertThat(stored - accepted).isBetween(0, CLIENTS * ORDERS_PER_REQUEST);
                assertThat(stored % ORDERS_PER_REQUEST).isZero();
            });
        } finally {
            restarted.stop();
        }
    }

    /** One posting client: requests until they are all taken or the hub is gone. */
    private static void post(HubApi api, AtomicInteger nextRequest, List<String> statusUrls) {
        try {
            for (int r = nextRequest.getAndIncrement(); r < REQUESTS; r = nextRequest.getAndIncrement()) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < ORDERS_PER_REQUEST; i++) {
                    body.append(i == 0 ? "" : ",").append(Fixtures.orderJson("CRASH-" + r + "-" + i));
                }
                HttpResponse<String> accepted = api.post("/Order/create", body.append(']').toString());
                if (accepted.statusCode() != 201) {
                    return; // the hub is stopping
                }
                statusUrls.add(ApiJson.MAPPER.readTree(accepted.body()).path("statusUrl").asText()
                        .replaceFirst("http://localhost:\\d+", ""));
            }
        } catch (IOException | InterruptedException e) {
            // the hub went away mid-request
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
}
