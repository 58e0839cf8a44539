package com.orderhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import com.orderhub.support.Fixtures;
import com.orderhub.support.HubApi;
import com.orderhub.support.HubProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON logs as a log shipper reads them: the packaged hub with Spring Boot's ECS structured
 * logging prints nothing but JSON objects on standard output, and the line of an accepted
 * message carries that message's id as its {@code OrderHubMessageId} field (the MDC).
 */
class JsonLogsIT {

    @TempDir
    Path dataDir;

    @Test
    void everyLineIsJsonAndTheAcceptedMessageCarriesItsId() throws Exception {
        int port = HubProcess.freePort();
        Path stdout = dataDir.resolve("hub.json.log");
        HubProcess hub = HubProcess.start(port,
                List.of("--orderhub.data-dir=" + dataDir, "--logging.structured.format.console=ecs"),
                Map.of(), stdout, dataDir.resolve("hub.err"));
        try {
            HttpResponse<String> accepted = new HubApi("http://localhost:" + port + "/api/database/v1", "demo-key")
                    .post("/Order/create", "[" + Fixtures.orderJson("JSON-LOG-1") + "]");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
            String statusUrl = ApiJson.MAPPER.readTree(accepted.body()).path("statusUrl").asText();
            String messageId = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);

            JsonNode acceptLine = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> lines(stdout).stream()
                            .filter(line -> line.path("message").asText().startsWith("Accepted message " + messageId))
                            .findFirst(), Optional::isPresent)
                    .orElseThrow();
            assertThat(acceptLine.path("OrderHubMessageId").asText()).as(acceptLine.toString()).isEqualTo(messageId);
            assertThat(acceptLine.path("log").path("level").asText()).as(acceptLine.toString()).isEqualTo("INFO");
            assertThat(acceptLine.path("@timestamp").asText()).as(acceptLine.toString()).isNotBlank();
        } finally {
            hub.stop();
        }
        List<JsonNode> all = lines(stdout);
        assertThat(all).as("the start and the stop were logged too").hasSizeGreaterThan(10);
        assertThat(all).allSatisfy(line -> assertThat(line.isObject()).isTrue());
    }

    /**
     * Every complete line of standard output as JSON (one still being written is left for the
     * next look); one that is not JSON fails the test with its text.
     */
    private static List<JsonNode> lines(Path stdout) throws Exception {
        String text = Files.readString(stdout);
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                parsed.add(ApiJson.MAPPER.readTree(line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("not a JSON log line: " + line, e);
            }
        }
        return parsed;
    }
}
