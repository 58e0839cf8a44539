package com.orderhub.metrics;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.support.ApiTestSupport;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every line of a message's journey carries its messageId: accepted by the API, failed at the intake. */
@ExtendWith(OutputCaptureExtension.class)
class MessageLogTest extends ApiTestSupport {

    @Test
    void theAcceptanceAndTheIntakeLogWithTheMessageId(CapturedOutput output) {
        fixtures.referenceData(DEMO, "demo");
        ObjectNode unknownStatus = orderJson("LOG-1");
        unknownStatus.put("statusId", "Lost");

        Response accepted = post("/Order/create", "[" + unknownStatus + "]");
        JsonNode entry = awaitFinal(accepted.json().path("statusUrl").asText());
        String messageId = accepted.json().path("statusUrl").asText().replaceAll(".*/", "");

        assertThat(entry.path(0).path("status").asText()).isEqualTo("failed");
        List<String> lines = Arrays.stream(output.getOut().split("\\R")).filter(line -> line.contains(messageId)).toList();
        assertThat(lines).anyMatch(line -> line.contains("[" + messageId + "] ") && line.contains("Accepted message"));
        assertThat(lines).anyMatch(line -> line.contains("[" + messageId + "] ") && line.contains("entry 0 failed: 404"));
    }
}
