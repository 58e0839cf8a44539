package com.orderhub.routes;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.support.ApiTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The flows' branches seen at their routes, the routes/ files as shipped, with Camel's test kit:
 * a NotifyBuilder waits for a route to finish its exchange, AdviceWith adds a mock endpoint at
 * the end of a route found by its id. The same hub as the HTTP tests (one context per JVM).
 */
@CamelSpringBootTest
class RouteFlowsTest extends ApiTestSupport {

    @Autowired
    CamelContext camel;

    @Value("${orderhub.data-dir}")
    Path dataDir;

    @Test
    void anOrderWithAnUnknownClientIsAcceptedAndTheIntakeRouteEndsItsEntryFailed() {
        fixtures.referenceData(DEMO, "demo");
        NotifyBuilder intake = new NotifyBuilder(camel).fromRoute("order-intake").whenCompleted(1).create();
        ObjectNode order = orderJson("BAD-1");
        order.put("clientId", "NOBODY");

        Response accepted = post("/Order/create", "[" + order + "]");

        assertThat(accepted.status()).isEqualTo(201);
        assertThat(intake.matches(20, TimeUnit.SECONDS)).as("the intake route completed the message").isTrue();
        JsonNode entry = awaitFinal(accepted.json().path("statusUrl").asText()).get(0);
        assertThat(entry.path("status").asText()).isEqualTo("failed");
        assertThat(entry.path("code").asInt()).isEqualTo(404);
        assertThat(fixtures.count("orders")).isZero();
    }

    @Test
    void aRequestOfMoreOrdersThanABatchLeavesTheQueueRouteAsOneQueueMessagePerBatch() {
        fixtures.referenceData(DEMO, "demo");
        NotifyBuilder intake = new NotifyBuilder(camel).fromRoute("order-intake").whenExactlyDone(3).create();
        StringBuilder orders = new StringBuilder("[");
        for (int i = 0; i < 250; i++) {
            orders.append(i == 0 ? "" : ",").append(orderJson("BATCH-" + i));
        }

        assertThat(post("/Order/create", orders.append(']').toString()).status()).isEqualTo(201);

        assertThat(intake.matches(30, TimeUnit.SECONDS)).as("batches of 100, 100 and 50, one intake exchange each")
                .isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.count("orders") == 250);
    }

    @Test
    void aFileItsMappingCannotReadEndsTheIngestRouteWithTheFileRejected() throws Exception {
        fixtures.referenceData(DEMO, "demo");
        NotifyBuilder ingest = new NotifyBuilder(camel).fromRoute("file-ingest-erpcsv").whenDone(1).create();
        Path inbox = Files.createDirectories(dataDir.resolve("erp-csv/inbox"));
        String typo = Files.readString(Path.of("mappings/erp-csv/sample-orders.csv")).replace(";PR-2;2;1;", ";PR-2;two;1;");
        Path part = Files.writeString(inbox.resolve("flow-typo.csv.part"), typo);
        Files.move(part, inbox.resolve("flow-typo.csv"));

        assertThat(ingest.matches(30, TimeUnit.SECONDS)).as("the ingest route finished with the file").isTrue();
        Path result = dataDir.resolve("erp-csv/results/flow-typo.csv.result.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(result));
        JsonNode answer = ApiJson.MAPPER.readTree(result.toFile());
        assertThat(answer.path("status").asText()).isEqualTo("rejected");
        assertThat(answer.path("error").asText())
                .isEqualTo("mappings/erp-csv/inbound.ds: line 3, column qty: \"two\" is not a number");
        assertThat(fixtures.count("orders")).isZero();
    }

    @Test
    void aDeliveryThatFailsEndsTheRunExportRouteWithTheWatermarkLeft() throws Exception {
        fixtures.referenceData(OTHER, "other");
        assertThat(post("/Order/create", "[" + orderJson("EXP-1") + "]", OTHER).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.count("orders") == 1);
        AdviceWith.adviceWith(camel, "run-export", route -> route.weaveAddLast().to("mock:run-export-answered"));
        MockEndpoint answered = camel.getEndpoint("mock:run-export-answered", MockEndpoint.class);
        answered.reset();
        answered.expectedMessageCount(1);

        Response run = post("/export/deadsftp/run", "", OTHER);

        answered.assertIsSatisfied(TimeUnit.SECONDS.toMillis(10));
        assertThat(run.json().path("outcome").asText()).isEqualTo("failed");
        assertThat(run.json().path("export").path("watermark").asLong()).isZero();
        assertThat(run.json().path("export").path("pendingChanges").asInt()).isEqualTo(1);
    }
}
