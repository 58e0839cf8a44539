package com.orderhub.order;

import com.orderhub.db.Ids;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.order.OrderShape.Attribute;
import com.orderhub.order.OrderShape.Part;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes orders whose references are resolved: many orders at once, one batched statement per
 * table, inside the caller's transaction.
 */
@Component
public class OrderStore {

    /** An order to insert: its new hub id, the checked draft, and where it came from. */
    public record NewOrder(String id, Draft draft, String origin) {
    }

    private static final Map<Part, String> INSERT = new EnumMap<>(Map.of(
            Part.ORDER, "order/insert", Part.DISCOUNT, "order/insert-discount", Part.LINE, "order/insert-line",
            Part.LINE_DISCOUNT, "order/insert-line-discount", Part.DETAIL, "order/insert-detail"));
    private static final Map<Part, String> UPDATE = new EnumMap<>(Map.of(
            Part.ORDER, "order/update", Part.DISCOUNT, "order/update-discount", Part.LINE, "order/update-line",
            Part.LINE_DISCOUNT, "order/update-line-discount", Part.DETAIL, "order/update-detail"));

    private final NamedParameterJdbcTemplate jdbc;

    public OrderStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tenant, List<NewOrder> orders, Instant now) {
        Map<Part, List<MapSqlParameterSource>> rows = new EnumMap<>(Part.class);
        for (NewOrder order : orders) {
            MapSqlParameterSource header = params(order.draft())
                    .addValue("id", order.id())
                    .addValue("tenant", tenant)
                    .addValue("origin", order.origin())
                    .addValue("now", Rows.param(now), Types.TIMESTAMP_WITH_TIMEZONE);
            rows.computeIfAbsent(Part.ORDER, p -> new ArrayList<>()).add(header);
            newChildren(order.draft(), order.id(), 0, rows);
        }
        write(INSERT, rows);
        changed(tenant, orders.stream().map(NewOrder::id).toList(), now);
    }

    /**
     * Records that these orders changed (created, updated or deleted), in the writer's
     * transaction: the partners' exports send each of them once the change is committed.
     */
    public void changed(String tenant, List<String> orderIds, Instant now) {
        jdbc.batchUpdate(SqlFiles.get("order/record-change"), orderIds.stream()
                .map(id -> new MapSqlParameterSource("changeId", Ids.next()).addValue("tenant", tenant)
                        .addValue("orderId", id).addValue("now", Rows.param(now), Types.TIMESTAMP_WITH_TIMEZONE))
                .toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Writes an update: the merged header, every child the body named (stored ones updated in
     * place, new ones added after the existing ones).
     */
    public void update(String tenant, Draft order, Instant now, Map<String, Integer> nextPosition) {
        Map<Part, List<MapSqlParameterSource>> updates = new EnumMap<>(Part.class);
        Map<Part, List<MapSqlParameterSource>> inserts = new EnumMap<>(Part.class);
        updates.computeIfAbsent(Part.ORDER, p -> new ArrayList<>()).add(params(order)
                .addValue("id", order.storedId())
                .addValue("now", Rows.param(now), Types.TIMESTAMP_WITH_TIMEZONE));
        changedChildren(order, updates, inserts, nextPosition);
        write(UPDATE, updates);
        write(INSERT, inserts);
        changed(tenant, List.of(order.storedId()), now);
    }

    private void changedChildren(Draft parent, Map<Part, List<MapSqlParameterSource>> updates,
            Map<Part, List<MapSqlParameterSource>> inserts, Map<String, Integer> nextPosition) {
        for (String list : parent.part().lists()) {
            for (Draft child : parent.children(list)) {
                if (child.storedId() != null) {
                    updates.computeIfAbsent(child.part(), p -> new ArrayList<>())
                            .add(params(child).addValue("id", child.storedId()));
                    changedChildren(child, updates, inserts, nextPosition);
                } else {
                    String key = parent.storedId() + "/" + list;
                    int position = nextPosition.getOrDefault(key, 0);
                    nextPosition.put(key, position + 1);
                    String id = Ids.next();
                    inserts.computeIfAbsent(child.part(), p -> new ArrayList<>())
                            .add(params(child).addValue("id", id).addValue("parentId", parent.storedId())
                                    .addValue("position", position));
                    newChildren(child, id, 0, inserts);
                }
            }
        }
    }

    private static void newChildren(Draft parent, String parentId, int firstPosition,
            Map<Part, List<MapSqlParameterSource>> rows) {
        for (String list : parent.part().lists()) {
            int position = firstPosition;
            for (Draft child : parent.children(list)) {
                String id = Ids.next();
                rows.computeIfAbsent(child.part(), p -> new ArrayList<>())
                        .add(params(child).addValue("id", id).addValue("parentId", parentId).addValue("position", position++));
                newChildren(child, id, 0, rows);
            }
        }
    }

    /** Parents before children, so foreign keys hold at every statement. */
    private void write(Map<Part, String> statements, Map<Part, List<MapSqlParameterSource>> rows) {
        for (Part part : Part.values()) {
            List<MapSqlParameterSource> batch = rows.get(part);
            if (batch != null && !batch.isEmpty()) {
                jdbc.batchUpdate(SqlFiles.get(statements.get(part)), batch.toArray(MapSqlParameterSource[]::new));
            }
        }
    }

    /** Every attribute of the part, typed, so a null binds without asking the driver what it is. */
    static MapSqlParameterSource params(Draft draft) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        for (Attribute attribute : draft.part().attributes()) {
            Object value = draft.get(attribute.name());
            switch (attribute.type()) {
                case ID, TEXT, REF -> params.addValue(attribute.name(), value, Types.VARCHAR);
                case DECIMAL -> params.addValue(attribute.name(), value, Types.NUMERIC);
                case DATE -> params.addValue(attribute.name(), Rows.param((Instant) value), Types.TIMESTAMP_WITH_TIMEZONE);
                case BOOL -> params.addValue(attribute.name(), value, Types.BOOLEAN);
                case INT -> params.addValue(attribute.name(), value, Types.INTEGER);
            }
        }
        return params;
    }
}
