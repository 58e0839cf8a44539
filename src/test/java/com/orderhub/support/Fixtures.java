package com.orderhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import com.orderhub.db.Ids;
import com.orderhub.order.CheckedOrders;
import com.orderhub.order.Draft;
import com.orderhub.order.OrderShape;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data: reference data created through the API (as a client would), and orders written
 * straight to the tables until the create endpoint exists.
 */
public final class Fixtures {

    /** The hub ids of one tenant's reference data. */
    public record Refs(String tenant, String companyId, String clientId, String agentId, String shippingId,
            String billingId, String productId, String secondProductId, String seasonId, String discountTypeId,
            String orderStatusId, String lineStatusId) {
    }

    private final ApiTestSupport api;
    private final JdbcTemplate jdbc;

    Fixtures(ApiTestSupport api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    public Refs referenceData(String key, String tenant) {
        String company = created(api.post("/Company/create", """
                [{"idRemote": "CO-1", "companyName": "Moda Norte S.L."}]""", key)).get(0).path("id").asText();
        JsonNode partners = created(api.post("/BusinessPartner/create", """
                [{"idRemote": "CL-1", "companyId": "CO-1", "contactName": "Boutique Alba", "roles": ["Client"],
                  "locations": [{"idRemote": "SHIP-1", "address": "Calle Mayor 1, Bilbao", "shippingAddress": true},
                                {"idRemote": "BILL-1", "address": "Gran Via 2, Bilbao", "billingAddress": true}]},
                 {"idRemote": "AG-1", "companyId": "CO-1", "contactName": "Iker Agent", "roles": ["Representant"]}]""",
                key));
        JsonNode products = created(api.post("/Product/create", """
                [{"idRemote": "PR-1", "reference": "JKT-01", "description": "Jacket", "price": 59.9},
                 {"idRemote": "PR-2", "reference": "SHR-02", "description": "Shirt", "price": 19.5}]""", key));
        String season = created(api.post("/Season/create", """
                [{"idRemote": "SS26", "description": "Spring-Summer 2026"}]""", key)).get(0).path("id").asText();
        String discountType = created(api.post("/DiscountType/create", """
                [{"idRemote": "DT-1", "name": "Early payment", "code": "EP"}]""", key)).get(0).path("id").asText();
        JsonNode client = partners.get(0);
        return new Refs(tenant, company, client.path("id").asText(), partners.get(1).path("id").asText(),
                client.path("locations").get(0).path("id").asText(), client.path("locations").get(1).path("id").asText(),
                products.get(0).path("id").asText(), products.get(1).path("id").asText(), season, discountType,
                statusId("order_status", tenant), statusId("line_status", tenant));
    }

    private static JsonNode created(ApiTestSupport.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("data");
    }

    private String statusId(String table, String tenant) {
        return jdbc.queryForObject("SELECT id FROM " + table + " WHERE tenant = ? AND id_remote = 'Pending'",
                String.class, tenant);
    }

    /** An order with one header discount and two lines of one discount and two details each. */
    public String insertOrder(Refs refs, String idRemote, Instant createdAt) {
        String id = Ids.next();
        jdbc.update("""
                INSERT INTO orders (id, tenant, id_remote, reference, company_id, client_id, agent_id, status_id,
                    season_id, shipping_address_id, billing_address_id, date_order, date_modified, date_delivery,
                    observation, gross_amount, base_amount, shipping_amount, tax_amount, taxrec_amount, total_amount,
                    total_quantity, quantity_served, quantity_pending, shipper, origin, is_sale, active, version,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 158.8000, 150.0000, 8.8000, 31.5000, NULL,
                    190.3000, 4, 0, 4, 'SEUR', 'api', TRUE, TRUE, 1, ?, ?)""",
                id, refs.tenant(), idRemote, "REF-" + idRemote, refs.companyId(), refs.clientId(), refs.agentId(),
                refs.orderStatusId(), refs.seasonId(), refs.shippingId(), refs.billingId(),
                utc(Instant.parse("2026-03-01T09:30:00Z")), utc(Instant.parse("2026-04-15T00:00:00Z")),
                "Deliver mornings", utc(createdAt), utc(createdAt));
        jdbc.update("""
                INSERT INTO order_discount (id, order_id, id_remote, discount_type_id, sequence, discount,
                    amount_discount, is_line, is_header, position)
                VALUES (?, ?, 'HD-1', ?, 1, 5.0000, 7.9400, FALSE, TRUE, 0)""", Ids.next(), id, refs.discountTypeId());
        for (int l = 1; l <= 2; l++) {
            String line = Ids.next();
            jdbc.update("""
                    INSERT INTO order_line (id, order_id, id_remote, line_status_id, observations, delivery_date,
                        line_amount, quantity, quantity_served, quantity_from_stock, position)
                    VALUES (?, ?, ?, ?, NULL, ?, 79.4000, 2, 0, 0, ?)""",
                    line, id, idRemote + "-L" + l, refs.lineStatusId(), utc(Instant.parse("2026-04-15T00:00:00Z")), l);
            jdbc.update("""
                    INSERT INTO line_discount (id, line_id, id_remote, discount, amount_discount, position)
                    VALUES (?, ?, ?, 2.5000, 1.9850, 0)""", Ids.next(), line, idRemote + "-L" + l + "-D1");
            jdbc.update("""
                    INSERT INTO line_detail (id, line_id, id_remote, product_id, quantity, price, retail_price, position)
                    VALUES (?, ?, ?, ?, 1, 59.9000, 119.8000, 0), (?, ?, ?, ?, 1, 19.5000, 39.0000, 1)""",
                    Ids.next(), line, idRemote + "-L" + l + "-1", refs.productId(),
                    Ids.next(), line, idRemote + "-L" + l + "-2", refs.secondProductId());
        }
        return id;
    }

    /** What an update will do: move updatedAt forward and bump the version. */
    public void touch(String orderId, Instant updatedAt) {
        jdbc.update("UPDATE orders SET updated_at = ?, version = version + 1 WHERE id = ?", utc(updatedAt), orderId);
    }

    public void tombstone(String tenant, String idRemote, Instant deletedAt) {
        jdbc.update("INSERT INTO deleted_order (id, tenant, id_remote, deleted_at, snapshot) VALUES (?, ?, ?, ?, '{}')",
                Ids.next(), tenant, idRemote, utc(deletedAt));
    }

    /**
     * A valid order for {@link #referenceData} in the create format, every reference by idRemote:
     * one header discount and two lines, each with a discount and two details.
     */
    /** The order as its status entry and the queue hold it once the API has checked it. */
    public static String checkedOrder(String idRemote) {
        FieldErrors errors = new FieldErrors();
        Draft draft = OrderShape.forCreate(new Fields(orderJson(idRemote), "", errors));
        if (!errors.isEmpty()) {
            throw new AssertionError("the test order is valid: " + errors.first());
        }
        return CheckedOrders.write(draft);
    }

    public static com.fasterxml.jackson.databind.node.ObjectNode orderJson(String idRemote) {
        try {
            return (com.fasterxml.jackson.databind.node.ObjectNode) com.orderhub.api.ApiJson.MAPPER.readTree("""
                {"idRemote": "%1$s", "reference": "PO-%1$s", "companyId": "CO-1", "clientId": "CL-1", "agentId": "AG-1",
                 "statusId": "Pending", "seasonId": "SS26", "dateOrder": "2026-03-01 09:30:00",
                 "dateDelivery": "2026-04-15", "observation": "Deliver mornings",
                 "grossAmount": 158.8, "baseAmount": 150, "shippingAmount": 8.8, "taxAmount": 31.5,
                 "totalAmount": 190.3, "totalQuantity": 4, "quantityServed": 0, "quantityPending": 4,
                 "shippingAddressId": "SHIP-1", "billingAddressId": "BILL-1", "shipper": "SEUR",
                 "discount": [{"idRemote": "%1$s-HD", "discountTypeId": "DT-1", "sequence": 1, "discount": 5,
                               "amountDiscount": 7.94, "isHeader": true}],
                 "lines": [
                   {"idRemote": "%1$s-L1", "lineStatusId": "Pending", "quantity": 2, "lineAmount": 79.4,
                    "discount": [{"idRemote": "%1$s-L1-D", "discount": 2.5, "amountDiscount": 1.985}],
                    "lineDetail": [{"idRemote": "%1$s-L1-1", "productId": "PR-1", "quantity": 1, "price": 59.9},
                                   {"idRemote": "%1$s-L1-2", "productId": "PR-2", "quantity": 1, "price": 19.5}]},
                   {"idRemote": "%1$s-L2", "lineStatusId": "InStock", "quantity": 2, "lineAmount": 79.4,
                    "lineDetail": [{"idRemote": "%1$s-L2-1", "productId": "PR-1", "quantity": 2, "price": 39.7}]}]}
                """.formatted(idRemote));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public int count(String table) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return count == null ? 0 : count;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
