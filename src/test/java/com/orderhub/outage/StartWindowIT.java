package com.orderhub.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.support.HubProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client calling the packaged hub while it starts, from the moment its port accepts: every
 * answer before the first 200 is 503 with Retry-After, never a 404 for an endpoint whose route
 * has not started yet (a client takes a 404 as final and drops its orders).
 */
class StartWindowIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    @TempDir
    Path dataDir;

    @Test
    void aCallDuringTheStartIsToldToRetryNeverThatTheEndpointIsMissing() throws Exception {
        int port = HubProcess.freePort();
        HubProcess hub = HubProcess.launch(port, List.of("--orderhub.data-dir=" + dataDir), Map.of(),
                dataDir.resolve("hub.log"), null);
        List<String> before = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && hub.process().isAlive()) {
                HttpResponse<String> answer;
                try {
                    answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/database/v1/Order/getOrder")).header("Authorization", "Bearer demo-key")
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException notListeningYet) {
                    continue;
                }
                if (answer.statusCode() == 200) {
                    break;
                }
                before.add(answer.statusCode() + " " + answer.headers().firstValue("Retry-After").orElse("-") + " "
                        + answer.body());
            }
            assertThat(hub.process().isAlive()).as("the hub started").isTrue();
            assertThat(before).as("answers before the first 200")
                    .allMatch(answer -> answer.startsWith("503 2 ") && answer.contains("The hub is starting"));
        } finally {
            hub.stop();
        }
    }
}
