package com.orderhub.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.orderhub.support.HubApi;
import com.orderhub.support.HubProcess;
import com.orderhub.support.OrderSenders;
import com.orderhub.support.ProductionSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rolling restart of two production hubs under load, as an operator does one: SIGTERM one
 * instance, start it again, then the other, while two clients keep creating orders through a
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
        ProductionSetting setting = new ProductionSetting("rolling", "rolling-key");
        Map<String, String> env = setting.env();
        // longer than the balancer's look at readiness (100 ms) by a loaded machine's margin
        env.put("ORDERHUB_API_DRAINONSTOP", "2s");
        // the restarts are under test, not the rate limit
        env.put("ORDERHUB_API_RATELIMIT_REQUESTS", "100000");
        env.put("ORDERHUB_API_RATELIMIT_BURST", "100000");
        List<String> args = ProductionSetting.ARGS;
        int[] ports = {HubProcess.freePort(), HubProcess.freePort()};
        HubProcess[] hubs = new HubProcess[2];
        try {
            // started together, as a deployment of two instances on an empty database does
            for (int i = 0; i < 2; i++) {
                hubs[i] = HubProcess.launch(ports[i], args, env, dir.resolve("hub-" + i + ".log"), null);
            }
            for (int i = 0; i < 2; i++) {
                hubs[i].awaitHealthy(ports[i]);
            }
            setting.api(ports[0]).createReferenceData();

            try (OrderSenders clients = OrderSenders.behindBalancer(2, 5, "rolling-key", ports)) {
                for (int i = 0; i < 2; i++) {
                    long before = clients.requests();
                    await().atMost(Duration.ofSeconds(60)).until(() -> clients.requests() >= before + 20);
                    long stopping = System.nanoTime();
                    hubs[i].process().destroy();
                    int port = ports[i];
                    HubApi api = setting.api(port);
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
                setting.assertStoredOnce(clients.accepted().size());
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
            setting.close();
        }
    }

}
