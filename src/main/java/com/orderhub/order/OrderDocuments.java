package com.orderhub.order;

import com.fasterxml.jackson.core.JsonGenerator;
import com.orderhub.api.ApiJson;
import com.orderhub.api.DocumentWriter;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Orders in the full nested shape of the API reference's Order, for any set of hub ids, in two queries
 * whatever the number of orders: the headers, then every child row (header discounts, lines,
 * line discounts, line details) at once.
 * Every reader of orders (the API, tombstones, exports) goes through here.
 */
@Component
public class OrderDocuments {

    /** An order as the API shows it, with the version its ETag is made from. */
    public static final class StoredOrder {
        private final String id;
        private final long version;
        private final OrderView.Row row;

        StoredOrder(String id, long version, OrderView.Row row) {
            this.id = id;
            this.version = version;
            this.row = row;
        }

        public String id() {
            return id;
        }

        public long version() {
            return version;
        }

        public String etag() {
            return "\"" + version + "\"";
        }

        /** Writes the order's document, as the API reference shows it. */
        public void write(JsonGenerator json) throws IOException {
            OrderView.ORDER.write(row, json);
        }

        /** The answer of a read or write of this order alone: {@code {"data": <order>}}. */
        public DocumentWriter answer() {
            return json -> {
                json.writeStartObject();
                json.writeFieldName("data");
                write(json);
                json.writeEndObject();
            };
        }

        /** The order's document as JSON text (a tombstone's snapshot). */
        public String json() {
            StringWriter text = new StringWriter(8192);
            try (JsonGenerator json = ApiJson.MAPPER.createGenerator(text)) {
                write(json);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the document of order " + id, e);
            }
            return text.toString();
        }
    }

    /**
     * An order as stored, as a draft an update merges into: every attribute by JSON name, hub ids
     * for references, each row's hub id, and the next free position of each child list.
     */
    public record StoredDraft(Draft order, long version, Instant updatedAt, Map<String, Integer> nextPosition) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public OrderDocuments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The orders with these hub ids, in the order given; ids not found are left out. */
    public List<StoredOrder> load(String tenant, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenant).addValue("ids", ids);
        Map<String, StoredOrder> orders = new HashMap<>();
        OrderView.Reader headers = OrderView.ORDER.reader();
        jdbc.query(SqlFiles.get("order/headers"), params, rs -> {
            StoredOrder order = new StoredOrder(rs.getString("id"), rs.getLong("version"), headers.read(rs));
            orders.put(order.id(), order);
        });
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<String, OrderView.Row> lines = new HashMap<>();
        OrderView.Reader discounts = OrderView.DISCOUNT.reader();
        OrderView.Reader orderLines = OrderView.LINE.reader();
        OrderView.Reader lineDiscounts = OrderView.LINE_DISCOUNT.reader();
        OrderView.Reader details = OrderView.DETAIL.reader();
        jdbc.query(SqlFiles.get("order/children-of"), new MapSqlParameterSource("ids", orders.keySet()), rs -> {
            String parentId = rs.getString("parent_id");
            switch (OrderShape.Part.valueOf(rs.getString("part"))) {
                case DISCOUNT -> orders.get(parentId).row.add(ORDER_DISCOUNTS, discounts.read(rs));
                case LINE -> {
                    OrderView.Row line = orderLines.read(rs);
                    orders.get(parentId).row.add(ORDER_LINES, line);
                    lines.put(rs.getString("id"), line);
                }
                case LINE_DISCOUNT -> lines.get(parentId).add(LINE_DISCOUNTS, lineDiscounts.read(rs));
                case DETAIL -> lines.get(parentId).add(LINE_DETAILS, details.read(rs));
                case ORDER -> throw new IllegalStateException("An order is not a child row");
            }
        });
        return ids.stream().map(orders::get).filter(java.util.Objects::nonNull).toList();
    }

    private static final int ORDER_DISCOUNTS = OrderShape.Part.ORDER.listIndex("discount");
    private static final int ORDER_LINES = OrderShape.Part.ORDER.listIndex("lines");
    private static final int LINE_DISCOUNTS = OrderShape.Part.LINE.listIndex("discount");
    private static final int LINE_DETAILS = OrderShape.Part.LINE.listIndex("lineDetail");

    /** The stored order with this hub id, as a draft; empty when there is none in the tenant. */
    public java.util.Optional<StoredDraft> draft(String tenant, String id) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenant).addValue("ids", List.of(id));
        List<StoredDraft> found = jdbc.query(SqlFiles.get("order/headers"), params, (rs, n) -> {
            Draft order = stored(OrderShape.Part.ORDER, rs);
            return new StoredDraft(order, rs.getLong("version"), Rows.instant(rs, "updated_at"), new HashMap<>());
        });
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        StoredDraft stored = found.get(0);
        Map<String, Draft> lines = new HashMap<>();
        jdbc.query(SqlFiles.get("order/children-of"), params, rs -> {
            OrderShape.Part part = OrderShape.Part.valueOf(rs.getString("part"));
            Draft child = stored(part, rs);
            switch (part) {
                case DISCOUNT -> child(stored, stored.order(), "discount", child, rs.getInt("position"));
                case LINE -> {
                    child(stored, stored.order(), "lines", child, rs.getInt("position"));
                    lines.put(child.storedId(), child);
                }
                case LINE_DISCOUNT -> child(stored, lines.get(rs.getString("parent_id")), "discount", child,
                        rs.getInt("position"));
                case DETAIL -> child(stored, lines.get(rs.getString("parent_id")), "lineDetail", child,
                        rs.getInt("position"));
                case ORDER -> throw new IllegalStateException("An order is not a child row");
            }
        });
        return java.util.Optional.of(stored);
    }

    private static void child(StoredDraft stored, Draft parent, String list, Draft child, int position) {
        parent.children(list).add(child);
        stored.nextPosition().merge(parent.storedId() + "/" + list, position + 1, Math::max);
    }

    private static Draft stored(OrderShape.Part part, ResultSet rs) throws SQLException {
        Draft draft = new Draft(part, "");
        draft.storedId(rs.getString("id"));
        for (int a = 0; a < part.attributes().size(); a++) {
            OrderShape.Attribute attribute = part.attributes().get(a);
            String column = attribute.column();
            Object value = switch (attribute.type()) {
                case ID, TEXT, REF -> rs.getString(column);
                case DECIMAL -> rs.getBigDecimal(column);
                case DATE -> Rows.instant(rs, column);
                case BOOL -> Rows.bool(rs, column);
                case INT -> {
                    int number = rs.getInt(column);
                    yield rs.wasNull() ? null : number;
                }
            };
            draft.put(a, value);
        }
        return draft;
    }
}
