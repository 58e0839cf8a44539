package com.orderhub.order;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.status.MessageStatuses;
import com.orderhub.status.MessageStatuses.Accepted;
import com.orderhub.status.MessageStatuses.Entry;
import com.orderhub.support.ApiTestSupport;
import com.orderhub.support.Fixtures;
import com.orderhub.support.Fixtures.Refs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /Order/create, the order-intake route and GET /message/status (the API reference) on H2 and PostgreSQL. */
abstract class OrderCreateApiTests extends ApiTestSupport {

    @Autowired
    private CamelContext camel;

    @Autowired
    private ProducerTemplate producer;

    @Autowired
    private MessageStatuses messageStatuses;

    @Autowired
    private PendingOrders pendingOrders;

    private Refs refs;

    @BeforeEach
    void referenceData() {
        refs = fixtures.referenceData(DEMO, "demo");
    }

    @Test
    void createdOrderIsQueuedThenStoredWithEverythingInIt() {
        Response accepted = post("/Order/create", "[" + orderJson("ERP-1") + "]");

        assertThat(accepted.status()).isEqualTo(201);
        JsonNode body = accepted.json();
        assertThat(body.path("code").asInt()).isEqualTo(201);
        assertThat(body.path("message").asText())
                .isEqualTo("Order message created successfully and dispatched to the queue.");
        String statusUrl = body.path("statusUrl").asText();
        assertThat(statusUrl).matches(url(BASE) + "/message/status/[0-9a-f-]{36}");
        assertThat(accepted.header("Location")).isEqualTo(statusUrl);

        JsonNode entry = awaitFinal(statusUrl).get(0);
        assertThat(entry.path("index").asInt()).isZero();
        assertThat(entry.path("idRemote").asText()).isEqualTo("ERP-1");
        assertThat(entry.path("status").asText()).isEqualTo("completed");
        assertThat(entry.path("code").asInt()).isEqualTo(201);
        assertThat(entry.path("errorMessage").isNull()).isTrue();

        JsonNode order = get("/Order/get/" + entry.path("id").asText()).json().path("data");
        assertThat(order.path("idRemote").asText()).isEqualTo("ERP-1");
        assertThat(order.path("origin").asText()).isEqualTo("api");
        assertThat(order.path("client").path("id").asText()).isEqualTo(refs.clientId());
        assertThat(order.path("agentId").asText()).isEqualTo(refs.agentId());
        assertThat(order.path("seasonId").asText()).isEqualTo(refs.seasonId());
        assertThat(order.path("shippingAddressId").asText()).isEqualTo(refs.shippingId());
        assertThat(order.path("billingAddressId").asText()).isEqualTo(refs.billingId());
        assertThat(order.path("dateOrder").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(order.path("dateDelivery").asText()).isEqualTo("2026-04-15T00:00:00Z");
        assertThat(order.path("totalAmount").toString()).isEqualTo("190.3");
        assertThat(order.path("isSale").asBoolean()).isTrue();
        assertThat(order.path("active").asBoolean()).isTrue();
        assertThat(order.path("discount").get(0).path("discountTypeId").asText()).isEqualTo(refs.discountTypeId());
        assertThat(order.path("discount").get(0).path("isLine").asBoolean()).isFalse();
        JsonNode lines = order.path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).path("lineStatus").asText()).isEqualTo("InStock");
        assertThat(lines.get(0).path("discount").get(0).path("amountDiscount").toString()).isEqualTo("1.985");
        assertThat(lines.get(0).path("lineDetail").get(1).path("productId").asText()).isEqualTo(refs.secondProductId());
        assertThat(fixtures.count("line_detail")).isEqualTo(3);
    }

    @Test
    void aSingleObjectIsAnArrayOfOne() {
        JsonNode entries = create(orderJson("ERP-1").toString());

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void referencesMayBeHubIds() {
        ObjectNode order = orderJson("ERP-1");
        order.put("companyId", refs.companyId()).put("clientId", refs.clientId()).put("agentId", refs.agentId())
                .put("statusId", refs.orderStatusId()).put("shippingAddressId", refs.shippingId());

        assertThat(create(order.toString()).get(0).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void malformedOrdersAreRefusedWithEveryProblemAndNothingIsQueued() {
        ObjectNode good = orderJson("ERP-1");
        ObjectNode bad = orderJson("ERP-2");
        bad.remove("companyId");
        bad.put("totalAmount", "lots");
        bad.put("dateOrder", "01/03/2026");
        ((ObjectNode) bad.path("lines").get(0).path("lineDetail").get(0)).remove("productId");
        ((ObjectNode) bad.path("lines").get(1)).putArray("lineDetail");

        Response response = post("/Order/create", "[" + good + "," + bad + "]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Parameter companyId is required");
        JsonNode errors = response.json().path("errors");
        assertThat(errors.path("[1].companyId").get(0).asText()).isEqualTo("Parameter companyId is required");
        assertThat(errors.path("[1].totalAmount").get(0).asText()).isEqualTo("Parameter totalAmount must be a number");
        assertThat(errors.path("[1].dateOrder").get(0).asText())
                .isEqualTo("Parameter dateOrder must be a date as yyyy-MM-dd HH:mm:ss, yyyy-MM-dd or ISO-8601 with offset");
        assertThat(errors.path("[1].lines[0].lineDetail[0].productId").get(0).asText())
                .isEqualTo("Parameter productId is required");
        assertThat(errors.path("[1].lines[1].lineDetail").get(0).asText())
                .isEqualTo("Parameter lineDetail must hold at least one item");
        assertThat(errors.size()).isEqualTo(5);
        assertThat(fixtures.count("message")).isZero();
        assertThat(fixtures.count("orders")).isZero();
    }

    @Test
    void everyRequiredFieldOfTheSeedIsRequired() {
        ObjectNode order = com.orderhub.api.ApiJson.object();
        order.putArray("discount").addObject();
        order.putArray("lines").addObject().putArray("discount").addObject();

        JsonNode errors = post("/Order/create", order.toString()).json().path("errors");

        assertThat(errors.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "[0].idRemote", "[0].companyId", "[0].clientId", "[0].agentId", "[0].statusId", "[0].dateOrder",
                "[0].grossAmount", "[0].baseAmount", "[0].shippingAmount", "[0].taxAmount", "[0].totalAmount",
                "[0].totalQuantity", "[0].quantityServed", "[0].quantityPending", "[0].shippingAddressId",
                "[0].billingAddressId",
                "[0].discount[0].idRemote", "[0].discount[0].discountTypeId", "[0].discount[0].sequence",
                "[0].discount[0].discount", "[0].discount[0].amountDiscount", "[0].discount[0].isHeader",
                "[0].lines[0].idRemote", "[0].lines[0].lineStatusId", "[0].lines[0].lineDetail",
                "[0].lines[0].discount[0].idRemote", "[0].lines[0].discount[0].discount",
                "[0].lines[0].discount[0].amountDiscount");
    }

    @Test
    void aLineIdRemoteTwiceInOneOrderIsRefused() {
        ObjectNode order = orderJson("ERP-1");
        ((ObjectNode) order.path("lines").get(1)).put("idRemote", "ERP-1-L1");

        Response response = post("/Order/create", order.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("[0].lines[1].idRemote").get(0).asText())
                .isEqualTo("Parameter idRemote ERP-1-L1 appears twice in lines");
    }

    /** Each rule of the order's shape (the API reference's OrderCreate) failing on its own: the entry's code and message, and no order stored. */
    @Test
    void eachReferenceRuleFailsTheOrderWithItsCodeAndMessage() {
        post("/Company/create", "[{\"idRemote\": \"CO-2\", \"companyName\": \"Other company\"}]");
        post("/BusinessPartner/create", """
                [{"idRemote": "CL-2", "companyId": "CO-2", "contactName": "Elsewhere", "roles": ["Client", "Representant"],
                  "locations": [{"idRemote": "SHIP-2", "address": "Far away", "shippingAddress": true,
                                 "billingAddress": true}]},
                 {"idRemote": "AG-2", "companyId": "CO-1", "contactName": "Agent with an address",
                  "roles": ["Representant"],
                  "locations": [{"idRemote": "HOME-2", "address": "Calle 2", "shippingAddress": true,
                                 "billingAddress": true}]}]""");
        Map<String, Consumer<ObjectNode>> breaks = new java.util.LinkedHashMap<>();
        breaks.put("404 No entity found for Company with CO-9.", o -> o.put("companyId", "CO-9"));
        breaks.put("404 No entity found for Client with CL-9.", o -> o.put("clientId", "CL-9"));
        breaks.put("400 Business partner AG-2 does not have the role Client.",
                o -> o.put("clientId", "AG-2").put("shippingAddressId", "HOME-2").put("billingAddressId", "HOME-2"));
        breaks.put("400 Client CL-2 does not belong to company CO-1.",
                o -> o.put("clientId", "CL-2").put("shippingAddressId", "SHIP-2").put("billingAddressId", "SHIP-2"));
        breaks.put("404 No entity found for Agent with AG-9.", o -> o.put("agentId", "AG-9"));
        breaks.put("400 Business partner CL-1 does not have the role Representant.", o -> o.put("agentId", "CL-1"));
        breaks.put("400 Agent CL-2 does not belong to company CO-1.", o -> o.put("agentId", "CL-2"));
        breaks.put("404 No entity found for Season with SS99.", o -> o.put("seasonId", "SS99"));
        breaks.put("404 No entity found for OrderStatus with Lost.", o -> o.put("statusId", "Lost"));
        breaks.put("404 No entity found for Location with SHIP-9.", o -> o.put("shippingAddressId", "SHIP-9"));
        breaks.put("400 Location SHIP-2 is not a location of client CL-1.", o -> o.put("shippingAddressId", "SHIP-2"));
        breaks.put("400 Location BILL-1 is not a shipping address.", o -> o.put("shippingAddressId", "BILL-1"));
        breaks.put("400 Location SHIP-1 is not a billing address.", o -> o.put("billingAddressId", "SHIP-1"));
        breaks.put("404 No entity found for DiscountType with DT-9.",
                o -> ((ObjectNode) o.path("discount").get(0)).put("discountTypeId", "DT-9"));
        breaks.put("404 No entity found for LineStatus with Lost.",
                o -> ((ObjectNode) o.path("lines").get(1)).put("lineStatusId", "Lost"));
        breaks.put("404 No entity found for Product with PR-9.",
                o -> ((ObjectNode) o.path("lines").get(1).path("lineDetail").get(0)).put("productId", "PR-9"));
        List<String> orders = new ArrayList<>();
        breaks.values().forEach(change -> {
            ObjectNode order = orderJson("BAD-" + orders.size());
            change.accept(order);
            orders.add(order.toString());
        });

        JsonNode entries = create("[" + String.join(",", orders) + "]");

        List<String> outcomes = new ArrayList<>();
        entries.forEach(e -> outcomes.add(e.path("code").asInt() + " " + e.path("errorMessage").asText()));
        assertThat(outcomes).containsExactlyElementsOf(breaks.keySet());
        entries.forEach(e -> assertThat(e.path("status").asText()).isEqualTo("failed"));
        entries.forEach(e -> assertThat(e.path("id").isNull()).isTrue());
        assertThat(fixtures.count("orders")).isZero();
        assertThat(fixtures.count("order_line")).isZero();
    }

    @Test
    void aMixedBatchCompletesTheGoodOrdersAndFailsTheBadOnesInOrder() {
        ObjectNode bad = orderJson("ERP-2");
        bad.put("statusId", "Lost");

        JsonNode entries = create("[" + orderJson("ERP-1") + "," + bad + "," + orderJson("ERP-3") + "]");

        assertThat(entries.findValuesAsText("idRemote")).containsExactly("ERP-1", "ERP-2", "ERP-3");
        assertThat(entries.findValuesAsText("status")).containsExactly("completed", "failed", "completed");
        assertThat(entries.get(1).path("code").asInt()).isEqualTo(404);
        assertThat(fixtures.count("orders")).isEqualTo(2);
        assertThat(get("/Order/get/ERP-2").status()).isEqualTo(404);
    }

    @Test
    void anIdRemoteThatExistsIsADuplicate() {
        create(orderJson("ERP-1").toString());

        JsonNode entries = create("[" + orderJson("ERP-1") + "," + orderJson("ERP-2") + "]");

        assertThat(entries.findValuesAsText("status")).containsExactly("failed", "completed");
        assertThat(entries.get(0).path("code").asInt()).isEqualTo(409);
        assertThat(entries.get(0).path("errorMessage").asText()).isEqualTo("Duplicate entry");
        assertThat(fixtures.count("orders")).isEqualTo(2);
    }

    @Test
    void anIdRemoteTwiceInOneRequestIsRefusedWhole() {
        Response response = post("/Order/create", "[" + orderJson("ERP-1") + "," + orderJson("ERP-1") + "]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Parameter idRemote ERP-1 appears twice in the request");
        assertThat(response.json().path("errors").has("[1].idRemote")).isTrue();
        assertThat(fixtures.count("message")).isZero();
    }

    @Test
    void theSameIdRemoteInAnotherTenantIsAnotherOrder() {
        fixtures.referenceData(OTHER, "other");
        create(orderJson("ERP-1").toString());

        Response accepted = post("/Order/create", orderJson("ERP-1").toString(), OTHER);

        String statusUrl = accepted.json().path("statusUrl").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> send("GET", statusUrl,
                Map.of("Authorization", "Bearer " + OTHER), null).json().path("data").get(0).path("status").asText()
                .equals("completed"));
        assertThat(fixtures.count("orders")).isEqualTo(2);
    }

    /** A request's orders travel and are stored in batches of orderhub.queue.batch-size (100). */
    @Test
    void aRequestsOrdersAreStoredInBatchesWithAnOutcomeEach() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 250; i++) {
            ObjectNode order = orderJson("BATCH-" + i);
            if (i == 120) {
                order.put("statusId", "Lost");
            }
            body.append(i == 0 ? "" : ",").append(order);
        }
        NotifyBuilder batches = new NotifyBuilder(camel).fromRoute("order-intake").whenExactlyDone(3).create();

        JsonNode entries = create(body.append("]").toString());

        assertThat(batches.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(entries).hasSize(250);
        assertThat(entries.get(120).path("status").asText()).isEqualTo("failed");
        assertThat(entries.get(120).path("code").asInt()).isEqualTo(404);
        assertThat(entries.findValuesAsText("status").stream().filter("completed"::equals)).hasSize(249);
        assertThat(fixtures.count("orders")).isEqualTo(249);
    }

    /**
     * Two messages naming the same new idRemote, stored at the same time by two consumers: one
     * batch's insert collides with the other's, its orders are stored one by one, and only the
     * order that lost the race fails (409); every other order of both batches is stored.
     */
    @Test
    void aBatchThatLosesARaceForAnIdRemoteFailsOnlyThatOrder() throws Exception {
        camel.getRouteController().stopRoute("order-intake");
        List<String> statusUrls = new ArrayList<>();
        try {
            for (int m = 0; m < 4; m++) {
                StringBuilder body = new StringBuilder("[").append(orderJson("CONTESTED"));
                for (int i = 0; i < 20; i++) {
                    body.append(",").append(orderJson("OWN-" + m + "-" + i));
                }
                statusUrls.add(post("/Order/create", body.append("]").toString()).json().path("statusUrl").asText());
            }
        } finally {
            camel.getRouteController().startRoute("order-intake");
        }

        List<JsonNode> contested = new ArrayList<>();
        for (String statusUrl : statusUrls) {
            JsonNode entries = awaitFinal(statusUrl);
            contested.add(entries.get(0));
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).path("status").asText()).as(entries.get(i).toString()).isEqualTo("completed");
            }
        }
        assertThat(contested).filteredOn(e -> e.path("status").asText().equals("completed")).hasSize(1);
        assertThat(contested).filteredOn(e -> e.path("code").asInt() == 409
                && e.path("errorMessage").asText().equals("Duplicate entry")).hasSize(3);
        assertThat(fixtures.count("orders")).isEqualTo(81);
    }

    /**
     * An accepted order whose queue message was lost (its entry pending, the queue empty) is
     * queued again once it has been pending for orderhub.intake.stuck-after, and stored once.
     */
    @Test
    void anOrderWhoseQueueMessageWasLostIsQueuedAgainAfterTheStuckTimeout() {
        Accepted lost = messageStatuses.accept("demo", "api", List.of(new Entry("LOST-1", Fixtures.checkedOrder("LOST-1"))),
                null, "0", com.orderhub.db.Ids.next());
        String statusPath = "/message/status/" + lost.messageId();

        assertThat(pendingOrders.requeueStuck()).as("pending for less than stuck-after").isZero();
        jdbc.update("UPDATE message_status SET updated_at = ? WHERE message_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1))), lost.messageId());
        assertThat(pendingOrders.requeueStuck()).isEqualTo(1);

        JsonNode entry = awaitFinal(url(BASE) + statusPath).get(0);
        assertThat(entry.path("status").asText()).isEqualTo("completed");
        assertThat(pendingOrders.requeueStuck()).as("final now").isZero();
        assertThat(fixtures.count("orders")).isEqualTo(1);
    }

    /** A queue may deliver a message again (a crash between commit and ack): one order, still completed. */
    @Test
    void aRedeliveredMessageNeverCreatesASecondOrderNorBecomesADuplicate() {
        Response accepted = post("/Order/create", orderJson("ERP-1").toString());
        String statusUrl = accepted.json().path("statusUrl").asText();
        JsonNode first = awaitFinal(statusUrl).get(0);
        String messageId = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);

        // both orders travel as one batch: one exchange of the intake
        NotifyBuilder redelivered = new NotifyBuilder(camel).fromRoute("order-intake").whenDone(1).create();
        producer.requestBody("direct:queue-orders", List.of(
                new OrderMessages.Queued("demo", messageId, 0, "api", orderJson("ERP-1").toString()),
                new OrderMessages.Queued("demo", messageId, 1, "api", orderJson("ERP-2").toString())));
        assertThat(redelivered.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        JsonNode after = awaitFinal(statusUrl);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("status").asText()).isEqualTo("completed");
        assertThat(after.get(0).path("code").asInt()).isEqualTo(201);
        assertThat(after.get(0).path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE id_remote IN ('ERP-1', 'ERP-2')",
                Integer.class)).isEqualTo(1);
    }

    /**
     * Orders travel in their checked form; a queue line that is not one (an order as sent, a
     * broken array) fails alone, saying what is wrong with it, and stores nothing.
     */
    @Test
    void aQueueLineThatIsNotACheckedOrderFailsAlone() {
        Accepted accepted = messageStatuses.accept("demo", "api", List.of(
                new Entry("ERP-1", orderJson("ERP-1").toString()), new Entry("ERP-2", "[\"ERP-2\", 7]")),
                null, null, com.orderhub.db.Ids.next());
        producer.requestBody("direct:queue-orders", List.of(
                new OrderMessages.Queued("demo", accepted.messageId(), 0, "api", orderJson("ERP-1").toString()),
                new OrderMessages.Queued("demo", accepted.messageId(), 1, "api", "[\"ERP-2\", 7]")));

        JsonNode entries = awaitFinal(url(BASE) + "/message/status/" + accepted.messageId());
        assertThat(entries.get(0).path("status").asText()).isEqualTo("failed");
        assertThat(entries.get(0).path("code").asInt()).isEqualTo(400);
        assertThat(entries.get(0).path("errorMessage").asText())
                .isEqualTo("Order is not a checked order: expected START_ARRAY but found START_OBJECT");
        assertThat(entries.get(1).path("status").asText()).isEqualTo("failed");
        assertThat(entries.get(1).path("code").asInt()).isEqualTo(400);
        assertThat(entries.get(1).path("errorMessage").asText())
                .isEqualTo("Order is not a checked order: reference is not of type TEXT");
        assertThat(fixtures.count("orders")).isZero();
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswersTheSameAndQueuesNothing() {
        String body = "[" + orderJson("ERP-1") + "]";
        Map<String, String> headers = Map.of("Authorization", "Bearer " + DEMO, "Content-Type", "application/json",
                "Idempotency-Key", "retry-42");

        Response first = send("POST", BASE + "/Order/create", headers, body);
        awaitFinal(first.json().path("statusUrl").asText());
        Response retry = send("POST", BASE + "/Order/create", headers, body.replace(",", " ,"));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("statusUrl").asText()).isEqualTo(first.json().path("statusUrl").asText());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(fixtures.count("message")).isEqualTo(1);
        assertThat(awaitFinal(retry.json().path("statusUrl").asText()).get(0).path("status").asText())
                .isEqualTo("completed");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + DEMO, "Content-Type", "application/json",
                "Idempotency-Key", "retry-43");
        Response first = send("POST", BASE + "/Order/create", headers, orderJson("ERP-1").toString());
        awaitFinal(first.json().path("statusUrl").asText()); // stored before the next test empties the tables

        Response other = send("POST", BASE + "/Order/create", headers, orderJson("ERP-2").toString());

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.error()).isEqualTo("Idempotency-Key retry-43 was already used with a different body");
        assertThat(fixtures.count("message")).isEqualTo(1);
    }

    @Test
    void withoutAKeyTheSameBodyIsTwoMessages() {
        Response first = post("/Order/create", orderJson("ERP-1").toString());
        Response second = post("/Order/create", orderJson("ERP-1").toString());

        assertThat(fixtures.count("message")).isEqualTo(2);
        // one of them is a duplicate of the other
        assertThat(awaitFinal(first.json().path("statusUrl").asText()).get(0).path("status").asText()
                + awaitFinal(second.json().path("statusUrl").asText()).get(0).path("status").asText())
                .isIn("completedfailed", "failedcompleted");
    }

    @Test
    void moreThanAThousandOrdersIsTooLarge() {
        List<String> orders = new ArrayList<>();
        String one = orderJson("X").toString();
        for (int i = 0; i < 1001; i++) {
            orders.add(one.replace("\"X", "\"X" + i));
        }

        Response response = post("/Order/create", "[" + String.join(",", orders) + "]");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("Request body holds 1001 orders; the limit is 1000");
        assertThat(fixtures.count("message")).isZero();
    }

    @Test
    void aBodyOfSeventeenMebibytesIsTooLarge() {
        ObjectNode order = orderJson("ERP-1");
        order.put("observation", "x".repeat(17 << 20));

        Response response = post("/Order/create", order.toString());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("Request body exceeds the limit of 16 MiB");
    }

    @Test
    void malformedJsonAndOtherContentTypesAreRefused() {
        assertThat(post("/Order/create", "[{\"idRemote\": }]").error())
                .startsWith("Malformed JSON at line 1, column 15: Unexpected character ('}'");
        Response xml = send("POST", BASE + "/Order/create", Map.of("Authorization", "Bearer " + DEMO,
                "Content-Type", "application/xml"), "<order/>");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.error()).isEqualTo("Content-Type must be application/json, not application/xml");
    }

    @Test
    void readKeysAndTheDefaultTenantCannotCreate() {
        assertThat(post("/Order/create", orderJson("ERP-1").toString(), READ_ONLY).status()).isEqualTo(403);
        Response sandbox = post("/Order/create", orderJson("ERP-1").toString(), DEFAULT_TENANT);
        assertThat(sandbox.status()).isEqualTo(403);
        assertThat(sandbox.error()).isEqualTo("Invalid connection name, you cannot insert in default");
        assertThat(fixtures.count("message")).isZero();
    }

    @Test
    void unknownOrAnotherTenantsMessageIsNotFound() {
        String statusUrl = post("/Order/create", orderJson("ERP-1").toString()).json().path("statusUrl").asText();
        String messageId = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);

        Response unknown = get("/message/status/nope");
        Response foreign = get("/message/status/" + messageId, OTHER);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("No entity found for Message with nope.");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.error()).isEqualTo("No entity found for Message with " + messageId + ".");
        // stored before the next test empties the tables, or its cleanup would race the intake
        awaitFinal(statusUrl);
    }

    @Test
    void messageStatusIsPagedInTheOrderSent() {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(orderJson("ERP-" + i).toString());
        }
        String statusUrl = post("/Order/create", "[" + String.join(",", orders) + "]").json().path("statusUrl").asText();
        awaitFinal(statusUrl);

        JsonNode page = send("GET", statusUrl + "?pageSize=2&page=2", Map.of("Authorization", "Bearer " + DEMO), null)
                .json();

        assertThat(page.path("data")).hasSize(1);
        assertThat(page.path("data").get(0).path("index").asInt()).isEqualTo(2);
        assertThat(page.path("data").get(0).path("idRemote").asText()).isEqualTo("ERP-2");
        assertThat(page.path("pagination").path("totalItems").asInt()).isEqualTo(3);
    }
}
