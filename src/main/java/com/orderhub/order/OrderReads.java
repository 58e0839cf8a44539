package com.orderhub.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.ApiProblem;
import com.orderhub.api.ApiRequest;
import com.orderhub.api.Cursor;
import com.orderhub.api.Dates;
import com.orderhub.api.DocumentWriter;
import com.orderhub.api.Page;
import com.orderhub.api.PageRequest;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.References;
import com.orderhub.db.References.Kind;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.order.OrderDocuments.StoredOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The order read endpoints of the API reference. Lists read a page of ids first (an index-only scan of
 * the ordering key) and then the documents of just those ids. Order lists take totalItems from
 * {@link OrderTally}: counting a large order book on every page would cost more than the page.
 */
@Component("orderReads")
public class OrderReads {

    private static final Logger LOG = LoggerFactory.getLogger(OrderReads.class);

    /** The seed's default for {@code date}: {@code 1999-01-01 01:00:00}. */
    static final Instant EPOCH_OF_THE_SEED = Instant.parse("1999-01-01T01:00:00Z");

    private final NamedParameterJdbcTemplate jdbc;
    private final OrderDocuments documents;
    private final References references;
    private final OrderTally tally;
    private final long directOffset;

    public OrderReads(NamedParameterJdbcTemplate jdbc, OrderDocuments documents, References references,
            OrderTally tally, OrderHubProperties properties) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.references = references;
        this.tally = tally;
        this.directOffset = properties.reads().directOffset();
    }

    /**
     * GET /Order/getOrder: oldest createdAt first, then id. A page near the start passes the
     * orders before it (OFFSET over the index of the ordering key); a deeper one starts at the
     * second that {@link OrderTally#position} finds by counts, and passes only that second's
     * orders before it. A page past the end reads nothing.
     */
    public void listOrders(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        PageRequest page = request.page();
        long offset = page.offset();
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", request.tenant())
                .addValue("limit", page.probeLimit());
        long total;
        List<String> ids;
        if (offset < directOffset) {
            List<CountedId> rows = jdbc.query(SqlFiles.get("order/page-by-created"), params.addValue("offset", offset),
                    (rs, n) -> new CountedId(rs.getString("id"), rs.getLong("total")));
            // a page past the end has no row to carry the total
            total = rows.isEmpty() ? tally.orders(request.tenant()) : rows.get(0).total();
            ids = rows.stream().map(CountedId::id).toList();
        } else {
            OrderTally.Position start = tally.position(request.tenant(), offset);
            total = start.total();
            if (offset >= total) {
                ids = List.of();
            } else if (start.second() == null) {
                // counts that do not hold the offset they add up to: pass the orders instead
                LOG.warn("The order counts of tenant {} found no second for order {} of {}; reading by OFFSET",
                        request.tenant(), offset, total);
                ids = jdbc.query(SqlFiles.get("order/page-by-created"), params.addValue("offset", offset),
                        (rs, n) -> rs.getString("id"));
            } else {
                ids = jdbc.queryForList(SqlFiles.get("order/page-by-created-from"), params
                        .addValue("from", Rows.param(start.second())).addValue("offset", offset - start.before()),
                        String.class);
            }
        }
        answer(request, page, ids, total, Map.of("page", String.valueOf(page.page() + 1)));
    }

    /** GET /Order/get/{id}: one order by hub id or idRemote, with its ETag. */
    public void getOrder(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        String ref = request.pathParam("id");
        String id = references.require(Kind.ORDER, request.tenant(), ref);
        StoredOrder order = documents.load(request.tenant(), List.of(id)).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Order", ref));
        request.respond(200, order.answer(), Map.of("ETag", order.etag()));
    }

    /**
     * GET /Order/updatedFrom: orders with updatedAt ≥ date by (updatedAt, id). The next-page link
     * carries a keyset cursor, so a walk never skips an order that changes meanwhile.
     */
    public void updatedFrom(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        PageRequest page = request.page();
        MapSqlParameterSource params = feedParams(request, page);
        List<FeedRow> rows = feedPage(request, params, "order/page-by-updated", "updated_at");
        long total = walkTotal(params,
                () -> tally.updatedSince(request.tenant(), (OffsetDateTime) params.getValue("date")));
        answer(request, page, rows.stream().map(FeedRow::id).toList(), total, nextPage(page, rows, total));
    }

    /** GET /Order/deleted: tombstones with deletedAt ≥ date, by (deletedAt, id), cursor paged. */
    public void deleted(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        PageRequest page = request.page();
        MapSqlParameterSource params = feedParams(request, page);
        List<FeedRow> rows = feedPage(request, params, "order/deleted-page", "deleted_at");
        long total = walkTotal(params, () -> count("order/deleted-count", params));
        boolean more = rows.size() > page.pageSize();
        List<ObjectNode> tombstones = (more ? rows.subList(0, page.pageSize()) : rows).stream().map(row -> {
            ObjectNode tombstone = ApiJson.object();
            tombstone.put("id", row.id());
            tombstone.put("idRemote", row.idRemote());
            tombstone.put("deletedAt", row.at().toString());
            return tombstone;
        }).toList();
        request.ok(Page.of(tombstones, total, more).document(page, request.urlWith(nextPage(page, rows, total))));
    }

    /** An order of a page, beside the tenant's total read in the same statement. */
    private record CountedId(String id, long total) {
    }

    /** A row of a change feed: what it is, and its place in the feed's (timestamp, id) order. */
    private record FeedRow(String id, String idRemote, Instant at) {
    }

    private static MapSqlParameterSource feedParams(ApiRequest request, PageRequest page) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", request.tenant())
                .addValue("date", Rows.param(request.dateParam("date", EPOCH_OF_THE_SEED)))
                .addValue("limit", page.probeLimit()).addValue("offset", page.offset());
        String cursor = request.param("cursor");
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            params.addValue("afterAt", Rows.param(after.at())).addValue("afterId", after.id())
                    .addValue("total", after.total());
        }
        return params;
    }

    /**
     * A feed's total: counted on a walk's first page, then carried by its cursor, because for a
     * date in the middle of a large book the count is a scan of half of it.
     */
    private static long walkTotal(MapSqlParameterSource params, LongSupplier count) {
        return params.hasValue("total") ? (Long) params.getValue("total") : count.getAsLong();
    }

    /** The first page by number, or the page after the cursor ({@code <sql>-after}). */
    private List<FeedRow> feedPage(ApiRequest request, MapSqlParameterSource params, String firstPageSql,
            String atColumn) {
        String sql = params.hasValue("afterId") ? firstPageSql + "-after" : firstPageSql;
        return jdbc.query(SqlFiles.get(sql), params,
                (rs, n) -> new FeedRow(rs.getString("id"), rs.getString("id_remote"), Rows.instant(rs, atColumn)));
    }

    /** The link to the page after these rows: the next page number, the last row and the walk's total as cursor. */
    private static Map<String, String> nextPage(PageRequest page, List<FeedRow> rows, long total) {
        if (rows.size() <= page.pageSize()) {
            return Map.of("page", String.valueOf(page.page() + 1));
        }
        FeedRow last = rows.get(page.pageSize() - 1);
        return Map.of("page", String.valueOf(page.page() + 1),
                "cursor", new Cursor(Dates.micros(last.at()), last.id(), total).encode());
    }

    private void answer(ApiRequest request, PageRequest page, List<String> idsWithProbe, long total,
            Map<String, String> next) {
        boolean more = idsWithProbe.size() > page.pageSize();
        List<String> ids = more ? idsWithProbe.subList(0, page.pageSize()) : idsWithProbe;
        List<StoredOrder> orders = documents.load(request.tenant(), ids);
        DocumentWriter items = json -> {
            for (StoredOrder order : orders) {
                order.write(json);
            }
        };
        request.ok(new Page(items, total, more).document(page, request.urlWith(next)));
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long total = jdbc.queryForObject(SqlFiles.get(sql), params, Long.class);
        return total == null ? 0 : total;
    }
}
