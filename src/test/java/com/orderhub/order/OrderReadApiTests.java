package com.orderhub.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.support.ApiTestSupport;
import com.orderhub.support.Fixtures;
import com.orderhub.support.Fixtures.Refs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The order read endpoints of the API reference; run on H2 and on PostgreSQL by the subclasses. */
abstract class OrderReadApiTests extends ApiTestSupport {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private Refs refs;

    @Autowired
    private OrderTally tally;

    @Autowired
    private TransactionTemplate transaction;

    @BeforeEach
    void referenceData() {
        refs = fixtures.referenceData(DEMO, "demo");
    }

    @Test
    void getOrderAnswersTheFullNestedShape() {
        String id = fixtures.insertOrder(refs, "ERP-1", T0);

        JsonNode order = get("/Order/getOrder").json().path("data").get(0);

        assertThat(order.path("id").asText()).isEqualTo(id);
        assertThat(order.path("idRemote").asText()).isEqualTo("ERP-1");
        assertThat(order.path("reference").asText()).isEqualTo("REF-ERP-1");
        assertThat(order.path("company").path("companyName").asText()).isEqualTo("Moda Norte S.L.");
        assertThat(order.path("company").path("idRemote").asText()).isEqualTo("CO-1");
        assertThat(order.path("client").path("contactName").asText()).isEqualTo("Boutique Alba");
        assertThat(order.path("client").path("id").asText()).isEqualTo(refs.clientId());
        assertThat(order.path("agent").asText()).isEqualTo(refs.agentId());
        assertThat(order.path("agentId").asText()).isEqualTo(refs.agentId());
        assertThat(order.path("status").asText()).isEqualTo("Pending");
        assertThat(order.path("statusId").asText()).isEqualTo(refs.orderStatusId());
        assertThat(order.path("season").path("description").asText()).isEqualTo("Spring-Summer 2026");
        assertThat(order.path("seasonId").asText()).isEqualTo(refs.seasonId());
        assertThat(order.path("shippingAddress").asText()).isEqualTo("Calle Mayor 1, Bilbao");
        assertThat(order.path("billingAddress").asText()).isEqualTo("Gran Via 2, Bilbao");
        assertThat(order.path("shippingAddressId").asText()).isEqualTo(refs.shippingId());
        assertThat(order.path("dateOrder").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(order.path("dateModified").isNull()).isTrue();
        assertThat(order.path("grossAmount").decimalValue()).isEqualByComparingTo("158.8");
        assertThat(order.path("grossAmount").toString()).isEqualTo("158.8");
        assertThat(order.path("taxrecAmount").isNull()).isTrue();
        assertThat(order.path("origin").asText()).isEqualTo("api");
        assertThat(order.path("isSale").asBoolean()).isTrue();
        assertThat(order.path("createdAt").asText()).isEqualTo("2026-05-01T10:00:00Z");

        JsonNode discount = order.path("discount").get(0);
        assertThat(discount.path("idRemote").asText()).isEqualTo("HD-1");
        assertThat(discount.path("discountType").path("name").asText()).isEqualTo("Early payment");
        assertThat(discount.path("discountTypeId").asText()).isEqualTo(refs.discountTypeId());
        assertThat(discount.path("sequence").asInt()).isEqualTo(1);
        assertThat(discount.path("isHeader").asBoolean()).isTrue();

        JsonNode lines = order.path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("idRemote").asText()).isEqualTo("ERP-1-L1");
        assertThat(lines.get(0).path("lineStatus").asText()).isEqualTo("Pending");
        assertThat(lines.get(0).path("discount").get(0).path("idRemote").asText()).isEqualTo("ERP-1-L1-D1");
        assertThat(lines.get(0).path("lineDetail")).hasSize(2);
        assertThat(lines.get(0).path("lineDetail").get(1).path("productId").asText()).isEqualTo(refs.secondProductId());
        assertThat(lines.get(0).path("lineDetail").get(1).path("price").toString()).isEqualTo("19.5");
    }

    /** The document is written field by field from its rows (OrderView): its fields, in the API reference's order. */
    @Test
    void anOrdersFieldsComeInTheOrderOfTheSpec() {
        fixtures.insertOrder(refs, "ERP-1", T0);

        JsonNode order = get("/Order/getOrder").json().path("data").get(0);
        JsonNode single = get("/Order/get/ERP-1").json().path("data");

        List<String> header = List.of("id", "idRemote", "reference", "company", "client", "agent", "agentId",
                "status", "statusId", "season", "seasonId", "shippingAddress", "billingAddress",
                "shippingAddressId", "billingAddressId", "discount", "lines", "dateOrder", "dateModified",
                "dateDelivery", "observation", "grossAmount", "baseAmount", "shippingAmount", "taxAmount",
                "taxrecAmount", "totalAmount", "totalQuantity", "quantityServed", "quantityPending", "shipper",
                "origin", "isSale", "active", "createdAt", "updatedAt");
        assertThat(fieldNames(order)).containsExactlyElementsOf(header);
        assertThat(single).isEqualTo(order);
        assertThat(fieldNames(order.path("company"))).containsExactly("id", "idRemote", "companyName");
        assertThat(fieldNames(order.path("client"))).containsExactly("id", "idRemote", "contactName");
        assertThat(fieldNames(order.path("season"))).containsExactly("id", "idRemote", "description");
        assertThat(fieldNames(order.path("discount").get(0))).containsExactly("id", "idRemote", "discountType",
                "discountTypeId", "sequence", "discount", "amountDiscount", "isLine", "isHeader");
        assertThat(fieldNames(order.path("discount").get(0).path("discountType")))
                .containsExactly("id", "name", "code", "description");
        JsonNode line = order.path("lines").get(0);
        assertThat(fieldNames(line)).containsExactly("id", "idRemote", "lineStatus", "lineStatusId", "discount",
                "observations", "deliveryDate", "lineAmount", "quantity", "quantityServed", "quantityFromStock",
                "lineDetail");
        assertThat(fieldNames(line.path("discount").get(0)))
                .containsExactly("id", "idRemote", "discount", "amountDiscount");
        assertThat(fieldNames(line.path("lineDetail").get(0)))
                .containsExactly("id", "idRemote", "productId", "quantity", "price", "retailPrice");
        assertThat(order.path("isSale").isBoolean()).isTrue();
        assertThat(order.path("discount").get(0).path("sequence").isInt()).isTrue();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void getOrderPagesOldestFirstAndLinksTheNextPageKeepingOtherParameters() {
        for (int i = 0; i < 3; i++) {
            fixtures.insertOrder(refs, "ERP-" + i, T0.plusSeconds(60 - i * 10L));
        }

        ApiTestSupport.Response first = get("/Order/getOrder?pageSize=2&format=json");

        assertThat(first.status()).isEqualTo(200);
        assertThat(idRemotes(first.json())).containsExactly("ERP-2", "ERP-1");
        JsonNode pagination = first.json().path("pagination");
        assertThat(pagination.path("totalItems").asInt()).isEqualTo(3);
        assertThat(pagination.path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(pagination.path("currentPage").asInt()).isEqualTo(1);
        assertThat(pagination.path("totalPages").asInt()).isEqualTo(2);
        String next = pagination.path("nextPageUrl").asText();
        assertThat(next).isEqualTo(url(BASE + "/Order/getOrder?pageSize=2&format=json&page=2"));

        JsonNode second = send("GET", next, java.util.Map.of("Authorization", "Bearer " + DEMO), null).json();
        assertThat(idRemotes(second)).containsExactly("ERP-0");
        assertThat(second.path("pagination").path("nextPageUrl").isNull()).isTrue();
    }

    /**
     * Walking every page, near the start (OFFSET) and deeper (found by the counts), with orders
     * sharing a createdAt ordered by id, must give each order once, oldest first, with nextPageUrl
     * exactly while orders follow, and nothing past the last page.
     */
    @Test
    void everyPageHoldsTheSameOrdersWhicheverEndItIsReadFrom() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = fixtures.insertOrder(refs, "P-" + i, T0.plusSeconds(i / 2));  // pairs share a createdAt
            expected.add(id);
        }
        expected.sort(java.util.Comparator.comparing((String id) -> jdbc.queryForObject(
                "SELECT created_at FROM orders WHERE id = ?", java.time.OffsetDateTime.class, id)).thenComparing(id -> id));

        for (int pageSize : new int[] {1, 2, 3, 7}) {
            List<String> seen = new ArrayList<>();
            int pages = (7 + pageSize - 1) / pageSize;
            for (int p = 1; p <= pages; p++) {
                JsonNode body = get("/Order/getOrder?pageSize=" + pageSize + "&page=" + p).json();
                body.path("data").forEach(o -> seen.add(o.path("id").asText()));
                assertThat(body.path("pagination").path("nextPageUrl").isNull()).as("page %d of %d", p, pages)
                        .isEqualTo(p == pages);
            }
            assertThat(seen).as("pageSize %d", pageSize).isEqualTo(expected);
            assertThat(get("/Order/getOrder?pageSize=" + pageSize + "&page=" + (pages + 1)).json().path("data"))
                    .isEmpty();
        }
    }

    /**
     * Pages past the direct offset (2 in the tests) start at the second that the day, minute and
     * second counts find: with orders over two days, several minutes and seconds, and several
     * sharing a microsecond, every page of every size must hold what the order of (createdAt, id)
     * puts there, with the counts folded or not, after deletes, and nothing past the last page.
     */
    @Test
    void deepPagesFoundByTheCountsHoldWhatTheOrderingPutsThere() {
        List<Instant> stamps = new ArrayList<>();
        for (Instant day : List.of(T0.minusSeconds(86400 + 7), T0, T0.plusSeconds(86400 * 3))) {
            for (long at : new long[] {0, 0, 0, 1, 59, 60, 61, 3600}) {
                stamps.add(day.plusSeconds(at));
            }
            stamps.add(day.plusMillis(1500));
        }
        for (int i = 0; i < stamps.size(); i++) {
            fixtures.insertOrder(refs, "D-" + i, stamps.get(i));
        }
        assertEveryPageInOrder("unfolded");

        tally.foldAbove(0);
        assertEveryPageInOrder("folded");

        jdbc.update("DELETE FROM orders WHERE id_remote IN ('D-1', 'D-9', 'D-10', 'D-11', 'D-12')");
        assertEveryPageInOrder("after deletes, unfolded");
        tally.foldAbove(0);
        assertEveryPageInOrder("after deletes, folded");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_count_delta", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_count WHERE orders <= 0", Integer.class))
                .as("a bucket whose orders are all gone keeps no row").isZero();
    }

    /**
     * Counts that do not hold an offset they add up to (here: the day counts gone) must not give
     * a wrong page: the page is read by OFFSET instead, with the same orders.
     */
    @Test
    void pagesStayRightWhenTheCountsDoNotHoldThem() {
        for (int i = 0; i < 5; i++) {
            fixtures.insertOrder(refs, "C-" + i, T0.plusSeconds(i));
        }
        tally.foldAbove(0);
        jdbc.update("DELETE FROM order_count WHERE tenant = 'demo' AND grain = 86400");
        assertThat(tally.position("demo", 3).second()).isNull();

        ApiTestSupport.Response page = get("/Order/getOrder?pageSize=1&page=4");

        assertThat(page.status()).isEqualTo(200);
        assertThat(idRemotes(page.json())).containsExactly("C-3");
        assertThat(page.json().path("pagination").path("totalItems").asInt()).isEqualTo(5);
    }

    private void assertEveryPageInOrder(String when) {
        List<String> expected = jdbc.queryForList(
                "SELECT id FROM orders WHERE tenant = 'demo' ORDER BY created_at, id", String.class);
        List<Instant> created = jdbc.queryForList(
                "SELECT created_at FROM orders WHERE tenant = 'demo' ORDER BY created_at, id",
                java.time.OffsetDateTime.class).stream().map(java.time.OffsetDateTime::toInstant).toList();
        for (int k = 0; k <= created.size(); k++) {
            OrderTally.Position position = tally.position("demo", k);
            assertThat(position.total()).as("%s, total at %d", when, k).isEqualTo(created.size());
            if (k == created.size()) {
                assertThat(position.second()).as("%s, past the last order", when).isNull();
                continue;
            }
            Instant second = Instant.ofEpochSecond(created.get(k).getEpochSecond());
            assertThat(position.second()).as("%s, the second of order %d", when, k).isEqualTo(second);
            assertThat(position.before()).as("%s, orders before the second of order %d", when, k)
                    .isEqualTo(created.stream().filter(at -> at.isBefore(second)).count());
        }
        for (int pageSize : new int[] {1, 2, 3, 5}) {
            List<String> seen = new ArrayList<>();
            int pages = (expected.size() + pageSize - 1) / pageSize;
            for (int p = 1; p <= pages; p++) {
                JsonNode body = get("/Order/getOrder?pageSize=" + pageSize + "&page=" + p).json();
                body.path("data").forEach(o -> seen.add(o.path("id").asText()));
                assertThat(body.path("pagination").path("totalItems").asInt()).isEqualTo(expected.size());
                assertThat(body.path("pagination").path("nextPageUrl").isNull()).as("%s, page %d of %d", when, p, pages)
                        .isEqualTo(p == pages);
            }
            assertThat(seen).as("%s, pageSize %d", when, pageSize).isEqualTo(expected);
            assertThat(get("/Order/getOrder?pageSize=" + pageSize + "&page=" + (pages + 1)).json().path("data"))
                    .as("%s, past the last page", when).isEmpty();
        }
    }

    @Test
    void getOneOrderByHubIdOrIdRemoteWithItsEtag() {
        String id = fixtures.insertOrder(refs, "ERP-7", T0);

        ApiTestSupport.Response byId = get("/Order/get/" + id);
        ApiTestSupport.Response byRemote = get("/Order/get/ERP-7");

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("data").path("id").asText()).isEqualTo(id);
        assertThat(byRemote.json().path("data").path("id").asText()).isEqualTo(id);
        assertThat(byId.header("ETag")).isEqualTo("\"1\"");
        fixtures.touch(id, T0.plusSeconds(5));
        assertThat(get("/Order/get/" + id).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void unknownOrderIsNotFound() {
        ApiTestSupport.Response response = get("/Order/get/NOPE-1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.error()).isEqualTo("No entity found for Order with NOPE-1.");
        assertThat(response.json().path("detail").asText()).isEqualTo("No entity found for Order with NOPE-1.");
        assertThat(response.json().path("instance").asText()).isEqualTo(BASE + "/Order/get/NOPE-1");
    }

    @Test
    void anotherTenantSeesNoneOfTheOrders() {
        String id = fixtures.insertOrder(refs, "ERP-1", T0);
        fixtures.tombstone("demo", "ERP-GONE", T0);

        assertThat(get("/Order/get/" + id, OTHER).status()).isEqualTo(404);
        assertThat(get("/Order/get/ERP-1", OTHER).error()).isEqualTo("No entity found for Order with ERP-1.");
        assertThat(get("/Order/getOrder", OTHER).json().path("data")).isEmpty();
        assertThat(get("/Order/getOrder", OTHER).json().path("pagination").path("totalItems").asInt()).isZero();
        assertThat(get("/Order/updatedFrom", OTHER).json().path("data")).isEmpty();
        assertThat(get("/Order/deleted", OTHER).json().path("data")).isEmpty();
    }

    @Test
    void ordersInXmlMirrorTheJson() {
        fixtures.insertOrder(refs, "ERP-X", T0);

        ApiTestSupport.Response xml = getXml("/Order/getOrder");

        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("application/xml");
        String body = xml.body();
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><export><data><item><id>");
        assertThat(body).contains("<idRemote>ERP-X</idRemote>");
        assertThat(body).contains("<company><id>" + refs.companyId() + "</id><idRemote>CO-1</idRemote>"
                + "<companyName>Moda Norte S.L.</companyName></company>");
        // nested arrays are repeated elements without a wrapper
        assertThat(body.split("<lines>", -1)).hasSize(3);
        assertThat(body.split("<lineDetail>", -1)).hasSize(5);
        assertThat(body).contains("<productId>" + refs.productId() + "</productId>");
        assertThat(body).contains("<dateModified></dateModified>");
        assertThat(body).contains("<pagination><totalItems>1</totalItems><itemsPerPage>10</itemsPerPage>");

        ApiTestSupport.Response single = get("/Order/get/ERP-X?format=xml");
        assertThat(single.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><export><data><id>");
    }

    @Test
    void updatedFromAcceptsTheThreeDateFormats() {
        fixtures.insertOrder(refs, "OLD", Instant.parse("2026-01-10T08:00:00Z"));
        fixtures.insertOrder(refs, "NEW", Instant.parse("2026-01-10T12:00:00Z"));

        assertThat(idRemotes(get("/Order/updatedFrom?date=2026-01-10%2010:00:00").json())).containsExactly("NEW");
        assertThat(idRemotes(get("/Order/updatedFrom?date=2026-01-10").json())).containsExactly("OLD", "NEW");
        // 13:00 at +02:00 is 11:00 UTC
        assertThat(idRemotes(get("/Order/updatedFrom?date=2026-01-10T13:00:00%2B02:00").json()))
                .containsExactly("NEW");
        assertThat(idRemotes(get("/Order/updatedFrom?date=2026-01-10T12:00:00Z").json())).containsExactly("NEW");
        assertThat(idRemotes(get("/Order/updatedFrom").json())).containsExactly("OLD", "NEW");
    }

    @Test
    void updatedFromRejectsADateInNoAcceptedFormat() {
        ApiTestSupport.Response response = get("/Order/updatedFrom?date=10/01/2026");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo(
                "Parameter date must be a date as yyyy-MM-dd HH:mm:ss, yyyy-MM-dd or ISO-8601 with offset");
    }

    @Test
    void updatedFromRejectsACursorItDidNotIssue() {
        ApiTestSupport.Response response = get("/Order/updatedFrom?cursor=not-a-cursor&page=2");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Parameter cursor is not a cursor this API returned");
    }

    /** The total a cursor carries is the API's own too: one edited into a negative or no number is refused. */
    @Test
    void updatedFromRejectsACursorWhoseTotalWasTamperedWith() {
        for (String total : new String[] {"-5", "many"}) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("2026-03-01T00:00:00Z|some-id|" + total).getBytes(java.nio.charset.StandardCharsets.UTF_8));

            ApiTestSupport.Response response = get("/Order/updatedFrom?cursor=" + cursor + "&page=2");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Parameter cursor is not a cursor this API returned");
        }
    }

    /**
     * While a client walks the feed, orders it has not reached yet and orders it has already
     * seen change. Following nextPageUrl must still return every order, and return one twice only
     * when it changed after it was first returned. A page-number walk fails this: the changed
     * order on page 1 moves to the end and shifts everything else one place forward.
     */
    @Test
    void walkingUpdatedFromByCursorNeverSkipsAnOrderThatChangesDuringTheWalk() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(fixtures.insertOrder(refs, "W-" + i, T0.plusSeconds(i)));
        }
        List<String> seen = new ArrayList<>();
        String next = BASE + "/Order/updatedFrom?date=2026-05-01&pageSize=10";
        int page = 0;
        while (next != null && page < 10) {
            JsonNode body = send("GET", next, java.util.Map.of("Authorization", "Bearer " + DEMO), null).json();
            body.path("data").forEach(o -> seen.add(o.path("idRemote").asText()));
            if (page == 0) {
                fixtures.touch(ids.get(0), T0.plusSeconds(100));   // seen already: comes again at the end
                fixtures.touch(ids.get(15), T0.plusSeconds(101));  // not reached yet: must still come
            }
            next = body.path("pagination").path("nextPageUrl").isNull() ? null
                    : body.path("pagination").path("nextPageUrl").asText();
            page++;
        }

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            expected.add("W-" + i);
        }
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(seen).hasSize(26);
        assertThat(seen.stream().filter("W-0"::equals).count()).isEqualTo(2);
        assertThat(seen.stream().filter("W-15"::equals).count()).isEqualTo(1);
        assertThat(seen.subList(24, 26)).containsExactly("W-0", "W-15");
    }

    @Test
    void deletedListsTombstonesSinceTheDateByCursor() {
        fixtures.tombstone("demo", "GONE-OLD", Instant.parse("2026-02-01T00:00:00Z"));
        for (int i = 0; i < 3; i++) {
            fixtures.tombstone("demo", "GONE-" + i, Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i));
        }

        JsonNode first = get("/Order/deleted?date=2026-02-15&pageSize=2").json();

        assertThat(idRemotes(first)).containsExactly("GONE-0", "GONE-1");
        assertThat(first.path("data").get(0).path("deletedAt").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(first.path("data").get(0).path("id").asText()).isNotBlank();
        assertThat(first.path("pagination").path("totalItems").asInt()).isEqualTo(3);
        String next = first.path("pagination").path("nextPageUrl").asText();
        assertThat(next).contains("date=2026-02-15").contains("pageSize=2").contains("page=2").contains("cursor=");
        JsonNode second = send("GET", next, java.util.Map.of("Authorization", "Bearer " + DEMO), null).json();
        assertThat(idRemotes(second)).containsExactly("GONE-2");
        assertThat(second.path("pagination").path("currentPage").asInt()).isEqualTo(2);
        assertThat(second.path("pagination").path("nextPageUrl").isNull()).isTrue();
    }

    /**
     * A walk counts its list once, on its first page; the pages reached by its cursor report that
     * count (carried in the cursor) instead of counting a large book again on every page.
     */
    @Test
    void pagesReachedByCursorReportTheCountOfTheWalksFirstPage() {
        for (int i = 0; i < 3; i++) {
            fixtures.tombstone("demo", "GONE-" + i, Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i));
        }
        JsonNode first = get("/Order/deleted?date=2026-02-15&pageSize=2").json();
        fixtures.tombstone("demo", "GONE-LATER", Instant.parse("2026-03-02T00:00:00Z"));

        JsonNode second = send("GET", first.path("pagination").path("nextPageUrl").asText(),
                java.util.Map.of("Authorization", "Bearer " + DEMO), null).json();

        assertThat(idRemotes(second)).containsExactly("GONE-2", "GONE-LATER");
        assertThat(second.path("pagination").path("totalItems").asInt()).isEqualTo(3);
        assertThat(get("/Order/deleted?date=2026-02-15&pageSize=2").json().path("pagination").path("totalItems")
                .asInt()).as("a new walk counts again").isEqualTo(4);
    }

    /**
     * totalItems is not counted on each request but kept by the database in every transaction that
     * inserts or deletes orders: it must follow creates (the intake, a failed order not counted),
     * deletes, writes outside the hub, rollbacks and the fold, and stay per tenant.
     */
    @Test
    void totalItemsFollowsEveryCreateAndDelete() {
        assertThat(totals()).containsExactly(0L, 0L);
        JsonNode created = create("[" + Fixtures.orderJson("T-1") + "," + Fixtures.orderJson("T-2") + ","
                + Fixtures.orderJson("T-3") + "]");
        assertThat(created.findValuesAsText("status")).containsExactly("completed", "completed", "completed");
        assertThat(totals()).containsExactly(3L, 3L);

        JsonNode duplicate = create("[" + Fixtures.orderJson("T-4") + "," + Fixtures.orderJson("T-1") + "]");
        assertThat(duplicate.findValuesAsText("status")).containsExactly("completed", "failed");
        assertThat(totals()).containsExactly(4L, 4L);

        assertThat(delete("/Order/delete/T-2").status()).isEqualTo(200);
        assertThat(delete("/Order/delete/T-2").status()).isEqualTo(404);
        assertThat(totals()).containsExactly(3L, 3L);

        fixtures.insertOrder(refs, "DIRECT-1", T0);
        jdbc.update("DELETE FROM orders WHERE id_remote = 'T-3'");
        assertThat(totals()).containsExactly(3L, 3L);

        transaction.executeWithoutResult(status -> {
            fixtures.insertOrder(refs, "ROLLED-BACK", T0);
            status.setRollbackOnly();
        });
        assertThat(totals()).containsExactly(3L, 3L);

        tally.foldAbove(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_count_delta WHERE tenant = 'demo'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT orders FROM order_count WHERE tenant = 'demo' AND grain = 0",
                Long.class)).isEqualTo(3L);
        assertThat(totals()).containsExactly(3L, 3L);
        assertThat(get("/Order/getOrder?pageSize=2").json().path("pagination").path("totalPages").asInt())
                .isEqualTo(2);
        assertThat(get("/Order/getOrder", OTHER).json().path("pagination").path("totalItems").asLong()).isZero();

        jdbc.update("DELETE FROM orders");
        assertThat(totals()).containsExactly(0L, 0L);
    }

    /**
     * updatedFrom's totalItems counts the smaller side of the date, each up to a limit (2 in the
     * tests), and everything only when both sides pass it: each way must give the exact number.
     */
    @Test
    void updatedFromTotalIsExactWhereverTheDateFalls() {
        for (int i = 0; i < 7; i++) {
            fixtures.insertOrder(refs, "U-" + i, Instant.parse("2026-01-10T00:00:00Z").plusSeconds(3600L * i));
        }

        assertThat(updatedFromTotal("2026-01-10%2005:30:00")).isEqualTo(1);  // the side since: under the limit
        assertThat(updatedFromTotal("2026-01-10%2006:30:00")).isEqualTo(0);
        assertThat(updatedFromTotal("2026-01-10%2000:30:00")).isEqualTo(6);  // the side before: tally minus 1
        assertThat(updatedFromTotal("2026-01-09")).isEqualTo(7);
        assertThat(get("/Order/updatedFrom").json().path("pagination").path("totalItems").asLong()).isEqualTo(7);
        assertThat(updatedFromTotal("2026-01-10%2003:00:00")).isEqualTo(4);  // both sides over the limit: counted
        fixtures.touch(jdbc.queryForObject("SELECT id FROM orders WHERE id_remote = 'U-0'", String.class),
                Instant.parse("2026-01-11T00:00:00Z"));
        assertThat(updatedFromTotal("2026-01-10%2000:30:00")).isEqualTo(7);
        assertThat(updatedFromTotal("2026-01-10%2005:30:00")).isEqualTo(2);
    }

    private long updatedFromTotal(String date) {
        return get("/Order/updatedFrom?date=" + date).json().path("pagination").path("totalItems").asLong();
    }

    /** totalItems of getOrder and of updatedFrom (default date: every order). */
    private List<Long> totals() {
        return List.of(get("/Order/getOrder").json().path("pagination").path("totalItems").asLong(),
                get("/Order/updatedFrom").json().path("pagination").path("totalItems").asLong());
    }

    private static List<String> idRemotes(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(o -> ids.add(o.path("idRemote").asText()));
        return ids;
    }
}
