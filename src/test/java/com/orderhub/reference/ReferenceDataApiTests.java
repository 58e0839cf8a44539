package com.orderhub.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.support.ApiTestSupport;
import com.orderhub.support.Fixtures.Refs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reference-data endpoints of the API reference; run on H2 and on PostgreSQL by the subclasses. */
abstract class ReferenceDataApiTests extends ApiTestSupport {

    @Test
    void upsertCreatesThenUpdatesByIdRemoteKeepingTheHubId() {
        Response created = post("/Company/create", "[{\"idRemote\": \"CO-1\", \"companyName\": \"Moda\"}]");
        String id = created.json().path("data").get(0).path("id").asText();

        Response updated = post("/Company/create", "{\"idRemote\": \"CO-1\", \"companyName\": \"Moda Norte\"}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(updated.status()).isEqualTo(200);
        JsonNode company = updated.json().path("data").get(0);
        assertThat(company.path("id").asText()).isEqualTo(id);
        assertThat(company.path("idRemote").asText()).isEqualTo("CO-1");
        assertThat(company.path("companyName").asText()).isEqualTo("Moda Norte");
        assertThat(get("/Company/getCompany").json().path("data")).hasSize(1);
    }

    @Test
    void listsAreOldestFirstAndPaged() {
        post("/Season/create", "[{\"idRemote\": \"FW25\", \"description\": \"Fall-Winter 2025\"}]");
        post("/Season/create", "[{\"idRemote\": \"SS26\", \"description\": \"Spring-Summer 2026\"},"
                + "{\"idRemote\": \"FW26\", \"description\": \"Fall-Winter 2026\"}]");

        JsonNode page = get("/Season/getSeason?pageSize=2").json();

        assertThat(page.path("data").get(0).path("idRemote").asText()).isEqualTo("FW25");
        assertThat(page.path("data").get(1).path("idRemote").asText()).isEqualTo("SS26");
        assertThat(page.path("pagination").path("totalItems").asInt()).isEqualTo(3);
        assertThat(page.path("pagination").path("totalPages").asInt()).isEqualTo(2);
        assertThat(page.path("pagination").path("nextPageUrl").asText()).endsWith("/Season/getSeason?pageSize=2&page=2");
        JsonNode last = get("/Season/getSeason?pageSize=2&page=2").json();
        assertThat(last.path("data").get(0).path("idRemote").asText()).isEqualTo("FW26");
        assertThat(last.path("pagination").path("nextPageUrl").isNull()).isTrue();
    }

    @Test
    void everyProblemOfABodyIsReportedAtOnceAndNothingIsWritten() {
        Response response = post("/Product/create", """
                [{"idRemote": "PR-1", "reference": "A", "price": 10},
                 {"reference": "B", "price": "ten"},
                 {"idRemote": "PR-3", "reference": "C", "price": 1.23456},
                 {"idRemote": "PR-4", "reference": true}]""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Parameter idRemote is required");
        JsonNode errors = response.json().path("errors");
        assertThat(errors.path("[1].idRemote").get(0).asText()).isEqualTo("Parameter idRemote is required");
        assertThat(errors.path("[1].price").get(0).asText()).isEqualTo("Parameter price must be a number");
        assertThat(errors.path("[2].price").get(0).asText())
                .isEqualTo("Parameter price must have at most 15 digits before the decimal point and 4 after it");
        assertThat(errors.path("[3].reference").get(0).asText()).isEqualTo("Parameter reference must be a string");
        assertThat(errors.size()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product", Integer.class)).isZero();
    }

    @Test
    void decimalsKeepTheirValueExactly() {
        JsonNode product = post("/Product/create",
                "[{\"idRemote\": \"PR-1\", \"reference\": \"A\", \"price\": 123456789012345.1234}]")
                .json().path("data").get(0);

        assertThat(product.path("price").toString()).isEqualTo("123456789012345.1234");
        assertThat(jdbc.queryForObject("SELECT price FROM product", java.math.BigDecimal.class))
                .isEqualByComparingTo("123456789012345.1234");
    }

    @Test
    void tooLongAndBlankValuesAreRejected() {
        Response response = post("/Company/create",
                "[{\"idRemote\": \"" + "x".repeat(101) + "\", \"companyName\": \"  \"}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("[0].idRemote").get(0).asText())
                .isEqualTo("Parameter idRemote must be at most 100 characters");
        assertThat(response.json().path("errors").path("[0].companyName").get(0).asText())
                .isEqualTo("Parameter companyName must not be blank");
    }

    @Test
    void businessPartnerReferencesItsCompanyByHubIdOrIdRemote() {
        String companyId = post("/Company/create", "[{\"idRemote\": \"CO-1\", \"companyName\": \"Moda\"}]")
                .json().path("data").get(0).path("id").asText();

        JsonNode partners = post("/BusinessPartner/create", """
                [{"idRemote": "CL-1", "companyId": "CO-1", "contactName": "Boutique", "roles": ["Client"],
                  "locations": [{"idRemote": "L-1", "address": "Calle 1", "shippingAddress": true}]},
                 {"idRemote": "AG-1", "companyId": "%s", "contactName": "Agent",
                  "roles": ["Representant", "Client"]}]""".formatted(companyId)).json().path("data");

        assertThat(partners.get(0).path("companyId").asText()).isEqualTo(companyId);
        assertThat(partners.get(0).path("roles").toString()).isEqualTo("[\"Client\"]");
        JsonNode location = partners.get(0).path("locations").get(0);
        assertThat(location.path("idRemote").asText()).isEqualTo("L-1");
        assertThat(location.path("shippingAddress").asBoolean()).isTrue();
        assertThat(location.path("billingAddress").asBoolean()).isFalse();
        assertThat(partners.get(1).path("companyId").asText()).isEqualTo(companyId);
        assertThat(partners.get(1).path("roles").toString()).isEqualTo("[\"Client\",\"Representant\"]");
    }

    @Test
    void upsertingAPartnerReplacesRolesAndUpsertsLocationsByIdRemote() {
        post("/Company/create", "[{\"idRemote\": \"CO-1\", \"companyName\": \"Moda\"}]");
        JsonNode before = post("/BusinessPartner/create", """
                {"idRemote": "CL-1", "companyId": "CO-1", "contactName": "Boutique", "roles": ["Client"],
                 "locations": [{"idRemote": "L-1", "address": "Calle 1", "shippingAddress": true}]}""")
                .json().path("data").get(0);

        JsonNode after = post("/BusinessPartner/create", """
                {"idRemote": "CL-1", "companyId": "CO-1", "contactName": "Boutique Alba", "roles": ["Representant"],
                 "locations": [{"idRemote": "L-2", "address": "Calle 2", "billingAddress": true},
                               {"idRemote": "L-1", "address": "Calle 1 bis", "shippingAddress": true}]}""")
                .json().path("data").get(0);

        assertThat(after.path("id").asText()).isEqualTo(before.path("id").asText());
        assertThat(after.path("contactName").asText()).isEqualTo("Boutique Alba");
        assertThat(after.path("roles").toString()).isEqualTo("[\"Representant\"]");
        assertThat(after.path("locations")).hasSize(2);
        assertThat(after.path("locations").get(0).path("idRemote").asText()).isEqualTo("L-2");
        JsonNode kept = after.path("locations").get(1);
        assertThat(kept.path("id").asText()).isEqualTo(before.path("locations").get(0).path("id").asText());
        assertThat(kept.path("address").asText()).isEqualTo("Calle 1 bis");
    }

    @Test
    void partnerOfAnUnknownCompanyIsNotFoundAndNothingIsWritten() {
        Response response = post("/BusinessPartner/create", """
                [{"idRemote": "CL-1", "companyId": "CO-404", "contactName": "Boutique"}]""");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("No entity found for Company with CO-404.");
        assertThat(response.json().path("errors").path("[0].companyId").get(0).asText())
                .isEqualTo("No entity found for Company with CO-404.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM business_partner", Integer.class)).isZero();
    }

    @Test
    void partnerRolesAreClientOrRepresentant() {
        post("/Company/create", "[{\"idRemote\": \"CO-1\", \"companyName\": \"Moda\"}]");

        Response response = post("/BusinessPartner/create", """
                [{"idRemote": "CL-1", "companyId": "CO-1", "contactName": "B", "roles": ["Customer"],
                  "locations": [{"address": "Calle 1"}]}]""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("[0].roles").get(0).asText())
                .isEqualTo("Parameter roles must hold only Client or Representant, not Customer");
        assertThat(response.json().path("errors").path("[0].locations[0].idRemote").get(0).asText())
                .isEqualTo("Parameter idRemote is required");
    }

    @Test
    void oneTenantCannotReferenceAnothersData() {
        post("/Company/create", "[{\"idRemote\": \"CO-1\", \"companyName\": \"Moda\"}]");

        Response response = post("/BusinessPartner/create", """
                [{"idRemote": "CL-1", "companyId": "CO-1", "contactName": "B"}]""", OTHER);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("No entity found for Company with CO-1.");
        assertThat(get("/Company/getCompany", OTHER).json().path("data")).isEmpty();
    }

    @Test
    void sameIdRemoteInTwoTenantsIsTwoEntities() {
        post("/Company/create", "[{\"idRemote\": \"CO-1\", \"companyName\": \"Demo's\"}]");
        post("/Company/create", "[{\"idRemote\": \"CO-1\", \"companyName\": \"Other's\"}]", OTHER);

        assertThat(get("/Company/getCompany").json().path("data").get(0).path("companyName").asText())
                .isEqualTo("Demo's");
        assertThat(get("/Company/getCompany", OTHER).json().path("data").get(0).path("companyName").asText())
                .isEqualTo("Other's");
    }

    @Test
    void everyTenantStartsWithTheDefaultStatuses() {
        JsonNode statuses = get("/Order/getOrder/Status", OTHER).json().path("data");
        JsonNode lineStatuses = get("/Order/getOrder/Line/Status", OTHER).json().path("data");

        assertThat(statuses.findValuesAsText("description")).containsExactly("Pending", "Confirmed", "Shipped", "Cancelled");
        assertThat(statuses.get(0).path("idRemote").asText()).isEqualTo("Pending");
        assertThat(lineStatuses.findValuesAsText("description")).containsExactly("Pending", "InStock", "Shipped", "Deleted");
    }

    @Test
    void statusesDiscountTypesAndSeasonsUpsertLikeTheRest() {
        JsonNode status = post("/Order/createStatus", "[{\"idRemote\": \"9\", \"description\": \"On hold\"}]")
                .json().path("data").get(0);
        JsonNode lineStatus = post("/Order/createLineStatus", "[{\"idRemote\": \"B\", \"description\": \"Backorder\"}]")
                .json().path("data").get(0);
        JsonNode discountType = post("/DiscountType/create",
                "[{\"idRemote\": \"DT-1\", \"name\": \"Volume\", \"code\": \"VOL\", \"description\": \"Over 100 units\"}]")
                .json().path("data").get(0);

        assertThat(status.path("description").asText()).isEqualTo("On hold");
        assertThat(get("/Order/getOrder/Status").json().path("data")).hasSize(5);
        assertThat(lineStatus.path("idRemote").asText()).isEqualTo("B");
        assertThat(discountType.path("code").asText()).isEqualTo("VOL");
        assertThat(get("/DiscountType/getDiscountType").json().path("data").get(0).path("name").asText())
                .isEqualTo("Volume");
        assertThat(get("/Order/getOrder/Line/Status?format=xml").body())
                .contains("<item><id>" + lineStatus.path("id").asText() + "</id><idRemote>B</idRemote>"
                        + "<description>Backorder</description></item>");
    }

    @Test
    void deliveryNoteTakesLinesOfItsOrderByHubIdOrIdRemote() {
        Refs refs = fixtures.referenceData(DEMO, "demo");
        String orderId = fixtures.insertOrder(refs, "ERP-1", Instant.parse("2026-05-01T10:00:00Z"));
        String secondLine = jdbc.queryForObject("SELECT id FROM order_line WHERE id_remote = 'ERP-1-L2'", String.class);

        Response response = post("/DeliveryNote/create", """
                [{"idRemote": "ALB-1", "orderId": "ERP-1", "lineIds": ["ERP-1-L1", "%s"]}]""".formatted(secondLine));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode note = response.json().path("data").get(0);
        assertThat(note.path("orderId").asText()).isEqualTo(orderId);
        assertThat(note.path("lineIds")).hasSize(2);
        assertThat(note.path("lineIds").get(1).asText()).isEqualTo(secondLine);
        assertThat(get("/DeliveryNote/getDeliveryNote").json().path("data").get(0).path("lineIds")).hasSize(2);

        JsonNode replaced = post("/DeliveryNote/create", """
                {"idRemote": "ALB-1", "orderId": "%s", "lineIds": ["ERP-1-L2"]}""".formatted(orderId))
                .json().path("data").get(0);
        assertThat(replaced.path("id").asText()).isEqualTo(note.path("id").asText());
        assertThat(replaced.path("lineIds").toString()).isEqualTo("[\"" + secondLine + "\"]");
    }

    @Test
    void deliveryNoteWithAnUnknownOrderOrLineIsNotFound() {
        Refs refs = fixtures.referenceData(DEMO, "demo");
        fixtures.insertOrder(refs, "ERP-1", Instant.parse("2026-05-01T10:00:00Z"));

        Response unknownOrder = post("/DeliveryNote/create", "[{\"idRemote\": \"ALB-1\", \"orderId\": \"ERP-404\"}]");
        Response unknownLine = post("/DeliveryNote/create",
                "[{\"idRemote\": \"ALB-1\", \"orderId\": \"ERP-1\", \"lineIds\": [\"ERP-1-L1\", \"L-404\"]}]");

        assertThat(unknownOrder.status()).isEqualTo(404);
        assertThat(unknownOrder.error()).isEqualTo("No entity found for Order with ERP-404.");
        assertThat(unknownLine.status()).isEqualTo(404);
        assertThat(unknownLine.error()).isEqualTo("No entity found for Line with L-404.");
        assertThat(unknownLine.json().path("errors").has("[0].lineIds[1]")).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_note", Integer.class)).isZero();
    }
}
