package com.orderhub.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.ApiProblem;
import com.orderhub.api.ApiRequest;
import com.orderhub.api.Cursor;
import com.orderhub.api.Dates;
import com.orderhub.api.Page;
import com.orderhub.api.PageRequest;
import com.orderhub.db.References;
import com.orderhub.db.References.Kind;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.order.OrderDocuments.StoredOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read endpoints of SPEC section 3. Lists read a page of ids first (an index-only scan of
 * the ordering key) and then the documents of just those ids.
 */
@Component("orderReads")
public class OrderReads {

    /** The seed's default for {@code date}: {@code 1999-01-01 01:00:00}. */
    static final Instant EPOCH_OF_THE_SEED = Instant.parse("1999-01-01T01:00:00Z");

    private final NamedParameterJdbcTemplate jdbc;
    private final OrderDocuments documents;
    private final References references;

    public OrderReads(NamedParameterJdbcTemplate jdbc, OrderDocuments documents, References references) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.references = references;
    }

    /** GET /Order/getOrder: oldest createdAt first, then id. */
    public void listOrders(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        PageRequest page = request.page();
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", request.tenant())
                .addValue("limit", page.probeLimit()).addValue("offset", page.offset());
        List<String> ids = jdbc.queryForList(SqlFiles.get("order/page-by-created"), params, String.class);
        long total = count("order/count", params);
        answer(request, page, ids, total, Map.of("page", String.valueOf(page.page() + 1)));
    }

    /** GET /Order/get/{id}: one order by hub id or idRemote, with its ETag. */
    public void getOrder(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        String ref = request.pathParam("id");
        String id = references.require(Kind.ORDER, request.tenant(), ref);
        StoredOrder order = documents.load(request.tenant(), List.of(id)).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Order", ref));
        ObjectNode doc = ApiJson.object();
        doc.set("data", order.document());
        request.respond(200, doc, Map.of("ETag", order.etag()));
    }

    /**
     * GET /Order/updatedFrom: orders with updatedAt ≥ date by (updatedAt, id). The next-page link
     * carries a keyset cursor, so a walk never skips an order that changes meanwhile.
     */
    public void updatedFrom(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        PageRequest page = request.page();
        Instant date = request.dateParam("date", EPOCH_OF_THE_SEED);
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", request.tenant())
                .addValue("date", Rows.param(date)).addValue("limit", page.probeLimit()).addValue("offset", page.offset());
        List<Map.Entry<String, Instant>> rows = keysetPage(request, params, "order/page-by-updated", "id", "updated_at");
        long total = count("order/count-updated", params);
        answer(request, page, rows.stream().map(Map.Entry::getKey).toList(), total, nextPage(page, rows));
    }

    /** GET /Order/deleted: tombstones with deletedAt ≥ date, by (deletedAt, id), cursor paged. */
    public void deleted(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        PageRequest page = request.page();
        Instant date = request.dateParam("date", EPOCH_OF_THE_SEED);
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", request.tenant())
                .addValue("date", Rows.param(date)).addValue("limit", page.probeLimit()).addValue("offset", page.offset());
        Map<String, String> remoteIds = new HashMap<>();
        List<Map.Entry<String, Instant>> rows = new ArrayList<>();
        String sql = request.param("cursor") == null ? "order/deleted-page" : "order/deleted-page-after";
        withCursor(request, params);
        jdbc.query(SqlFiles.get(sql), params, rs -> {
            rows.add(Map.entry(rs.getString("id"), Rows.instant(rs, "deleted_at")));
            remoteIds.put(rs.getString("id"), rs.getString("id_remote"));
        });
        long total = count("order/deleted-count", params);
        boolean more = rows.size() > page.pageSize();
        List<Map.Entry<String, Instant>> shown = more ? rows.subList(0, page.pageSize()) : rows;
        List<ObjectNode> items = shown.stream().map(row -> {
            ObjectNode tombstone = ApiJson.object();
            tombstone.put("id", row.getKey());
            tombstone.put("idRemote", remoteIds.get(row.getKey()));
            tombstone.put("deletedAt", row.getValue().toString());
            return tombstone;
        }).toList();
        request.ok(new Page(items, total, more).document(page, request.urlWith(nextPage(page, rows))));
    }

    private List<Map.Entry<String, Instant>> keysetPage(ApiRequest request, MapSqlParameterSource params,
            String firstPageSql, String idColumn, String atColumn) {
        String sql = request.param("cursor") == null ? firstPageSql : firstPageSql + "-after";
        withCursor(request, params);
        return jdbc.query(SqlFiles.get(sql), params,
                (rs, n) -> Map.entry(rs.getString(idColumn), Rows.instant(rs, atColumn)));
    }

    private static void withCursor(ApiRequest request, MapSqlParameterSource params) {
        String cursor = request.param("cursor");
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            params.addValue("afterAt", Rows.param(after.at())).addValue("afterId", after.id());
        }
    }

    /** The link to the page after these rows: the next page number and the last row as cursor. */
    private static Map<String, String> nextPage(PageRequest page, List<Map.Entry<String, Instant>> rows) {
        if (rows.size() <= page.pageSize()) {
            return Map.of("page", String.valueOf(page.page() + 1));
        }
        Map.Entry<String, Instant> last = rows.get(page.pageSize() - 1);
        return Map.of("page", String.valueOf(page.page() + 1),
                "cursor", new Cursor(Dates.micros(last.getValue()), last.getKey()).encode());
    }

    private void answer(ApiRequest request, PageRequest page, List<String> idsWithProbe, long total,
            Map<String, String> next) {
        boolean more = idsWithProbe.size() > page.pageSize();
        List<String> ids = more ? idsWithProbe.subList(0, page.pageSize()) : idsWithProbe;
        List<ObjectNode> orders = documents.load(request.tenant(), ids).stream().map(StoredOrder::document).toList();
        request.ok(new Page(orders, total, more).document(page, request.urlWith(next)));
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long total = jdbc.queryForObject(SqlFiles.get(sql), params, Long.class);
        return total == null ? 0 : total;
    }
}
