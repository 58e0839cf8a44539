package com.orderhub.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.orderhub.support.HubApi;
import com.orderhub.support.HubProcess;
import com.orderhub.support.OrderSenders;
import com.orderhub.support.RabbitTestQueues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rolling restart of two production hubs under load, as an operator does one: SIGTERM one
 * instance, start it again, then the other, while four clients keep creating orders through a
 * balancer that follows readiness (OrderSenders: each request again with its Idempotency-Key
 * until accepted). On SIGTERM a hub's readiness goes DOWN while it still answers
 * (orderhub.api.drain-on-stop), then it answers what it took and stops. The hubs answer nothing but 201, 429 or 503, drop no
 * call they took, end by themselves on SIGTERM, and store every accepted order exactly once.
 */
class RollingRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(RollingRestartIT.class);

    @TempDir
    Path dir;

    @Test
    void twoInstancesRestartedOneAfterTheOtherUnderLoadAnswerOnlySuccessOrRetryLaterAndLoseNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String schema = "orderhub_rolling_" + run;
        String queue = "orderhub.rolling." + run;
        Map<String, String> env = new HashMap<>(Map.of(
                "ORDERHUB_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                "ORDERHUB_DB_USER", "postgres",
                "SPRING_FLYWAY_SCHEMAS", schema,
                "ORDERHUB_QUEUE_NAME", queue,
                "ORDERHUB_SECURITY_APIKEYS_0_KEY", "rolling-key",
                "ORDERHUB_SECURITY_APIKEYS_0_TENANT", "demo",
                "ORDERHUB_SECURITY_APIKEYS_0_SCOPES", "read,write"));
        // longer than the balancer's look at readiness (100 ms) by a loaded machine's margin
        env.put("ORDERHUB_API_DRAINONSTOP", "2s");
        // the restarts are under test, not the rate limit
        env.put("ORDERHUB_API_RATELIMIT_REQUESTS", "100000");
        env.put("ORDERHUB_API_RATELIMIT_BURST", "100000");
        List<String> args = List.of("--spring.profiles.active=prod");
        int[] ports = {HubProcess.freePort(), HubProcess.freePort()};
        HubProcess[] hubs = new HubProcess[2];
        try {
            hubs[0] = HubProcess.start(ports[0], args, env, dir.resolve("hub-0.log"));
            hubs[1] = HubProcess.start(ports[1], args, env, dir.resolve("hub-1.log"));
            new HubApi("http://localhost:" + ports[0] + "/api/database/v1", "rolling-key").createReferenceData();

            try (OrderSenders clients = OrderSenders.behindBalancer(4, 5, "rolling-key", ports)) {
                for (int i = 0; i < 2; i++) {
                    long before = clients.requests();
                    await().atMost(Duration.ofSeconds(60)).until(() -> clients.requests() >= before + 20);
                    long stopping = System.nanoTime();
                    hubs[i].process().destroy();
                    int port = ports[i];
                    HubApi api = new HubApi("http://localhost:" + port + "/api/database/v1", "rolling-key");
                    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                            .until(() -> HubProcess.readiness(port) == 503);
                    assertThat(api.get("/Company/getCompany").statusCode())
                            .as("readiness is DOWN and the API still answers while balancers move away").isEqualTo(200);
                    assertThat(hubs[i].terminate()).as("hub %d ends by itself on SIGTERM", i).isTrue();
                    LOG.info("Hub {} exited with {} {} ms after SIGTERM, {} calls answered so far", i,
                            hubs[i].process().exitValue(), (System.nanoTime() - stopping) / 1_000_000, clients.requests());
                    hubs[i] = HubProcess.start(ports[i], args, env, dir.resolve("hub-" + i + "-again.log"));
                }
                long before = clients.requests();
                await().atMost(Duration.ofSeconds(60)).until(() -> clients.requests() >= before + 20);
                clients.finish();

                assertThat(clients.answers().keySet()).as("answers")
                        .allMatch(answer -> answer.equals("201") || answer.startsWith("429 Retry-After")
                                || answer.startsWith("503 Retry-After"));
                assertThat(clients.dropped()).as("calls sent that got no answer").isZero();
                int accepted = clients.accepted().size();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> OrderSenders.stored(schema).get(0) >= accepted);
                assertThat(OrderSenders.stored(schema)).as("orders stored, distinct client references among them")
                        .containsExactly((long) accepted, (long) accepted);
            }
        } finally {
            for (HubProcess hub : hubs) {
                if (hub != null) {
                    hub.stop();
                }
            }
            try (var logs = Files.list(dir)) { // kept for a look after a failure
                for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                    Files.copy(log, Path.of("target", "rolling-" + log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                db.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            RabbitTestQueues.deleteTopology(queue);
        }
    }

}
