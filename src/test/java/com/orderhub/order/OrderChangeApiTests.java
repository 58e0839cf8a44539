package com.orderhub.order;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.support.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PUT /Order/update/{id} and DELETE /Order/delete/{id} (the API reference) on H2 and PostgreSQL. */
abstract class OrderChangeApiTests extends ApiTestSupport {

    private String orderId;

    @BeforeEach
    void anOrder() {
        fixtures.referenceData(DEMO, "demo");
        orderId = create(orderJson("ERP-1").toString()).get(0).path("id").asText();
    }

    private JsonNode stored() {
        return get("/Order/get/" + orderId).json().path("data");
    }

    @Test
    void updateChangesOnlyWhatTheBodyNames() {
        JsonNode before = stored();

        Response response = put("/Order/update/ERP-1", "{\"observation\": \"Call before delivery\", \"totalAmount\": 200.5}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode after = response.json().path("data");
        assertThat(after.path("observation").asText()).isEqualTo("Call before delivery");
        assertThat(after.path("totalAmount").toString()).isEqualTo("200.5");
        assertThat(after.path("grossAmount")).isEqualTo(before.path("grossAmount"));
        assertThat(after.path("lines")).isEqualTo(before.path("lines"));
        assertThat(after.path("discount")).isEqualTo(before.path("discount"));
        assertThat(after.path("updatedAt").asText()).isGreaterThan(before.path("updatedAt").asText());
        assertThat(after.path("createdAt")).isEqualTo(before.path("createdAt"));
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        assertThat(stored()).isEqualTo(after);
    }

    @Test
    void aLineMatchedByIdRemoteIsUpdatedFieldByFieldAndOthersStay() {
        JsonNode before = stored();

        JsonNode after = put("/Order/update/" + orderId, """
                {"lines": [{"idRemote": "ERP-1-L2", "quantity": 5, "lineStatusId": "Shipped",
                            "lineDetail": [{"idRemote": "ERP-1-L2-1", "price": 35}]}]}""").json().path("data");

        JsonNode line = after.path("lines").get(1);
        assertThat(line.path("id")).isEqualTo(before.path("lines").get(1).path("id"));
        assertThat(line.path("quantity").toString()).isEqualTo("5");
        assertThat(line.path("lineStatus").asText()).isEqualTo("Shipped");
        assertThat(line.path("lineAmount")).isEqualTo(before.path("lines").get(1).path("lineAmount"));
        assertThat(line.path("lineDetail").get(0).path("price").toString()).isEqualTo("35");
        assertThat(line.path("lineDetail").get(0).path("productId"))
                .isEqualTo(before.path("lines").get(1).path("lineDetail").get(0).path("productId"));
        assertThat(after.path("lines").get(0)).isEqualTo(before.path("lines").get(0));
    }

    @Test
    void unknownLinesDetailsAndDiscountsAreAdded() {
        JsonNode after = put("/Order/update/" + orderId, """
                {"discount": [{"idRemote": "ERP-1-HD", "discount": 7},
                              {"idRemote": "ERP-1-HD2", "discountTypeId": "DT-1", "sequence": 2, "discount": 1,
                               "amountDiscount": 1.5, "isHeader": true}],
                 "lines": [{"idRemote": "ERP-1-L1",
                            "discount": [{"idRemote": "ERP-1-L1-D2", "discount": 1, "amountDiscount": 0.8}],
                            "lineDetail": [{"idRemote": "ERP-1-L1-3", "productId": "PR-2", "quantity": 3}]},
                           {"idRemote": "ERP-1-L3", "lineStatusId": "Pending",
                            "lineDetail": [{"idRemote": "ERP-1-L3-1", "productId": "PR-1"}]}]}""")
                .json().path("data");

        assertThat(after.path("discount").findValuesAsText("idRemote")).containsExactly("ERP-1-HD", "ERP-1-HD2");
        assertThat(after.path("discount").get(0).path("discount").toString()).isEqualTo("7");
        assertThat(after.path("lines").findValuesAsText("idRemote")).contains("ERP-1-L1", "ERP-1-L2", "ERP-1-L3");
        assertThat(after.path("lines")).hasSize(3);
        assertThat(after.path("lines").get(2).path("idRemote").asText()).isEqualTo("ERP-1-L3");
        JsonNode first = after.path("lines").get(0);
        assertThat(first.path("discount")).hasSize(2);
        assertThat(first.path("lineDetail")).hasSize(3);
        assertThat(first.path("lineDetail").get(2).path("quantity").toString()).isEqualTo("3");
    }

    @Test
    void anAddedLineNeedsItsRequiredFieldsAndTheOrderStaysAsItWas() {
        JsonNode before = stored();

        Response response = put("/Order/update/" + orderId, """
                {"observation": "changed", "lines": [{"idRemote": "ERP-1-L9", "quantity": 1}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Parameter lineStatusId is required");
        assertThat(response.json().path("errors").path("lines[0].lineDetail").get(0).asText())
                .isEqualTo("Parameter lineDetail is required");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void referencesChangeWithTheSameChecksAsCreate() {
        JsonNode after = put("/Order/update/" + orderId, "{\"statusId\": \"Confirmed\", \"seasonId\": null}")
                .json().path("data");

        assertThat(after.path("status").asText()).isEqualTo("Confirmed");
        assertThat(after.path("season").isNull()).isTrue();
        assertThat(after.path("seasonId").isNull()).isTrue();
    }

    @Test
    void aBrokenReferenceRejectsTheUpdateAndChangesNothing() {
        JsonNode before = stored();

        Response unknown = put("/Order/update/" + orderId, "{\"observation\": \"x\", \"statusId\": \"Lost\"}");
        Response notAClient = put("/Order/update/" + orderId, "{\"clientId\": \"AG-1\"}");
        Response unknownProduct = put("/Order/update/" + orderId,
                "{\"lines\": [{\"idRemote\": \"ERP-1-L1\", \"lineDetail\": [{\"idRemote\": \"ERP-1-L1-1\", \"productId\": \"PR-9\"}]}]}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("No entity found for OrderStatus with Lost.");
        assertThat(notAClient.status()).isEqualTo(400);
        assertThat(notAClient.error()).startsWith("Business partner AG-1 does not have the role Client.");
        assertThat(unknownProduct.status()).isEqualTo(404);
        assertThat(unknownProduct.error()).isEqualTo("No entity found for Product with PR-9.");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aRequiredAttributeCannotBeCleared() {
        Response response = put("/Order/update/" + orderId, "{\"companyId\": null}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Parameter companyId is required");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndChangesNothing() {
        String etag = get("/Order/get/" + orderId).header("ETag");
        put("/Order/update/" + orderId, "{\"observation\": \"first\"}");

        Response stale = send("PUT", BASE + "/Order/update/" + orderId, Map.of("Authorization", "Bearer " + DEMO,
                "Content-Type", "application/json", "If-Match", etag), "{\"observation\": \"second\"}");
        Response fresh = send("PUT", BASE + "/Order/update/" + orderId, Map.of("Authorization", "Bearer " + DEMO,
                "Content-Type", "application/json", "If-Match", "\"2\""), "{\"observation\": \"third\"}");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.error()).isEqualTo(
                "The order has changed since it was read: its ETag is now \"2\", not \"1\". Read it again and retry.");
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("ETag")).isEqualTo("\"3\"");
        assertThat(stored().path("observation").asText()).isEqualTo("third");
    }

    @Test
    void renamingToAnIdRemoteThatExistsIsADuplicate() {
        create(orderJson("ERP-2").toString());

        Response response = put("/Order/update/" + orderId, "{\"idRemote\": \"ERP-2\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.error()).isEqualTo("Duplicate entry");
        assertThat(stored().path("idRemote").asText()).isEqualTo("ERP-1");
    }

    @Test
    void updateOfAnUnknownOrAnotherTenantsOrderIsNotFound() {
        assertThat(put("/Order/update/ERP-404", "{\"observation\": \"x\"}").error())
                .isEqualTo("No entity found for Order with ERP-404.");
        Response foreign = send("PUT", BASE + "/Order/update/" + orderId, Map.of("Authorization", "Bearer " + OTHER,
                "Content-Type", "application/json"), "{\"observation\": \"x\"}");
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void updateBodiesThatChangeNothingOrAreNotAnObjectAreRefused() {
        assertThat(put("/Order/update/" + orderId, "{}").error()).isEqualTo("Request body has no attribute to update");
        assertThat(put("/Order/update/" + orderId, "[{\"observation\": \"x\"}]").error())
                .isEqualTo("Request body must be a JSON object");
        assertThat(put("/Order/update/" + orderId, "{\"totalAmount\": \"many\"}").error())
                .isEqualTo("Parameter totalAmount must be a number");
    }

    @Test
    void deleteRemovesTheOrderWithEverythingInItAndKeepsATombstone() {
        Response response = delete("/Order/delete/ERP-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("code").asInt()).isEqualTo(200);
        assertThat(response.json().path("message").asText()).isEqualTo("Order ERP-1 deleted.");
        assertThat(get("/Order/get/" + orderId).status()).isEqualTo(404);
        for (String table : new String[] {"orders", "order_line", "order_discount", "line_detail", "line_discount"}) {
            assertThat(fixtures.count(table)).as(table).isZero();
        }
        JsonNode tombstone = get("/Order/deleted").json().path("data").get(0);
        assertThat(tombstone.path("id").asText()).isEqualTo(orderId);
        assertThat(tombstone.path("idRemote").asText()).isEqualTo("ERP-1");
        String snapshot = jdbc.queryForObject("SELECT snapshot FROM deleted_order", String.class);
        assertThat(snapshot).contains("\"idRemote\":\"ERP-1-L2-1\"").contains("\"companyName\":\"Moda Norte S.L.\"");
    }

    @Test
    void anOrderWithALineOnADeliveryNoteIsNotDeleted() {
        post("/DeliveryNote/create", "[{\"idRemote\": \"ALB-7\", \"orderId\": \"ERP-1\", \"lineIds\": [\"ERP-1-L2\"]}]");
        JsonNode before = stored();

        Response response = delete("/Order/delete/" + orderId);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.error()).isEqualTo("Order " + orderId + " has lines on a delivery note (ALB-7) and cannot be deleted.");
        assertThat(stored()).isEqualTo(before);
        assertThat(fixtures.count("deleted_order")).isZero();
    }

    @Test
    void deleteOfAnUnknownOrAnotherTenantsOrderIsNotFound() {
        assertThat(delete("/Order/delete/ERP-404").error()).isEqualTo("No entity found for Order with ERP-404.");
        assertThat(send("DELETE", BASE + "/Order/delete/" + orderId, Map.of("Authorization", "Bearer " + OTHER), null)
                .status()).isEqualTo(404);
        assertThat(send("DELETE", BASE + "/Order/delete/" + orderId, Map.of("Authorization", "Bearer " + READ_ONLY),
                null).status()).isEqualTo(403);
        assertThat(fixtures.count("orders")).isEqualTo(1);
    }
}
