package com.orderhub.order;

import com.orderhub.db.Ids;
import com.orderhub.db.PositionalSql;
import com.orderhub.db.Rows;
import com.orderhub.order.OrderShape.Part;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes orders whose references are resolved: many orders at once, one batched statement per
 * table, inside the caller's transaction. Rows are bound by position, straight from the drafts:
 * a parameter map per row cost the intake more than the database's own work on the rows.
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
    private static final String RECORD_CHANGE = "order/record-change";

    /** The statements' parameters that are not attributes of the part a row holds, with their SQL types. */
    private static final Map<String, Integer> KEYS = Map.of("id", Types.VARCHAR, "parentId", Types.VARCHAR,
            "position", Types.INTEGER, "tenant", Types.VARCHAR, "origin", Types.VARCHAR,
            "now", Types.TIMESTAMP_WITH_TIMEZONE, "changeId", Types.VARCHAR, "orderId", Types.VARCHAR);

    /** One row of a batched statement: a draft's attributes (none for a change) and the statement's keys. */
    private record Row(Draft draft, Map<String, Object> keys) {
    }

    /**
     * Where a placeholder's value comes from (the attribute at that position of the row's draft, or
     * the key of that name when the position is -1) and its SQL type.
     */
    private record Slot(String name, int attribute, int sqlType) {

        void bind(PreparedStatement statement, int index, Row row) throws SQLException {
            Object value = attribute >= 0 ? row.draft().get(attribute) : row.keys().get(name);
            if (value == null) {
                statement.setNull(index, sqlType);
                return;
            }
            switch (sqlType) {
                case Types.VARCHAR -> statement.setString(index, value.toString());
                case Types.NUMERIC -> statement.setBigDecimal(index, (BigDecimal) value);
                case Types.BOOLEAN -> statement.setBoolean(index, (Boolean) value);
                case Types.INTEGER -> statement.setInt(index, ((Number) value).intValue());
                case Types.TIMESTAMP_WITH_TIMEZONE -> statement.setObject(index,
                        value instanceof Instant instant ? Rows.param(instant) : value, sqlType);
                default -> throw new IllegalStateException("No binding for SQL type " + sqlType);
            }
        }
    }

    /** Each statement's slots, worked out once from its SQL file. */
    private static final Map<String, Slot[]> SLOTS = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;

    public OrderStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc.getJdbcTemplate();
    }

    public void insert(String tenant, List<NewOrder> orders, Instant now) {
        OffsetDateTime at = Rows.param(now);
        Map<Part, List<Row>> rows = new EnumMap<>(Part.class);
        for (NewOrder order : orders) {
            rows.computeIfAbsent(Part.ORDER, p -> new ArrayList<>()).add(new Row(order.draft(),
                    Map.of("id", order.id(), "tenant", tenant, "origin", order.origin(), "now", at)));
            newChildren(order.draft(), order.id(), rows);
        }
        write(INSERT, rows);
        changed(tenant, orders.stream().map(NewOrder::id).toList(), now);
    }

    /**
     * Records that these orders changed (created, updated or deleted), in the writer's
     * transaction: the partners' exports send each of them once the change is committed.
     */
    public void changed(String tenant, List<String> orderIds, Instant now) {
        OffsetDateTime at = Rows.param(now);
        batch(RECORD_CHANGE, null, orderIds.stream()
                .map(id -> new Row(null, Map.of("changeId", Ids.next(), "tenant", tenant, "orderId", id, "now", at)))
                .toList());
    }

    /**
     * Writes an update: the merged header, every child the body named (stored ones updated in
     * place, new ones added after the existing ones).
     */
    public void update(String tenant, Draft order, Instant now, Map<String, Integer> nextPosition) {
        Map<Part, List<Row>> updates = new EnumMap<>(Part.class);
        Map<Part, List<Row>> inserts = new EnumMap<>(Part.class);
        updates.computeIfAbsent(Part.ORDER, p -> new ArrayList<>())
                .add(new Row(order, Map.of("id", order.storedId(), "now", Rows.param(now))));
        changedChildren(order, updates, inserts, nextPosition);
        write(UPDATE, updates);
        write(INSERT, inserts);
        changed(tenant, List.of(order.storedId()), now);
    }

    private void changedChildren(Draft parent, Map<Part, List<Row>> updates, Map<Part, List<Row>> inserts,
            Map<String, Integer> nextPosition) {
        for (String list : parent.part().lists()) {
            for (Draft child : parent.children(list)) {
                if (child.storedId() != null) {
                    updates.computeIfAbsent(child.part(), p -> new ArrayList<>())
                            .add(new Row(child, Map.of("id", child.storedId())));
                    changedChildren(child, updates, inserts, nextPosition);
                } else {
                    String key = parent.storedId() + "/" + list;
                    int position = nextPosition.getOrDefault(key, 0);
                    nextPosition.put(key, position + 1);
                    String id = Ids.next();
                    inserts.computeIfAbsent(child.part(), p -> new ArrayList<>()).add(new Row(child,
                            Map.of("id", id, "parentId", parent.storedId(), "position", position)));
                    newChildren(child, id, inserts);
                }
            }
        }
    }

    /** A row for every draft under a new parent, at every level, each list numbered from 0; a loop, see {@link Draft#tree}. */
    private static void newChildren(Draft parent, String parentId, Map<Part, List<Row>> rows) {
        List<Draft> parents = new ArrayList<>(List.of(parent));
        List<String> parentIds = new ArrayList<>(List.of(parentId));
        for (int p = 0; p < parents.size(); p++) {
            Draft draft = parents.get(p);
            for (String list : draft.part().lists()) {
                int position = 0;
                for (Draft child : draft.children(list)) {
                    String id = Ids.next();
                    rows.computeIfAbsent(child.part(), part -> new ArrayList<>())
                            .add(new Row(child, Map.of("id", id, "parentId", parentIds.get(p), "position", position++)));
                    parents.add(child);
                    parentIds.add(id);
                }
            }
        }
    }

    /** Parents before children, so foreign keys hold at every statement. */
    private void write(Map<Part, String> statements, Map<Part, List<Row>> rows) {
        for (Part part : Part.values()) {
            List<Row> batch = rows.get(part);
            if (batch != null && !batch.isEmpty()) {
                batch(statements.get(part), part, batch);
            }
        }
    }

    /** Runs a statement once per row, as one batch. */
    private void batch(String file, Part part, List<Row> rows) {
        PositionalSql statement = PositionalSql.of(file);
        Slot[] slots = SLOTS.computeIfAbsent(file, f -> slots(statement, part));
        jdbc.batchUpdate(statement.sql(), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Row row = rows.get(i);
                for (int p = 0; p < slots.length; p++) {
                    slots[p].bind(ps, p + 1, row);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** A placeholder named after an attribute of the part takes the attribute, typed, so a null binds without asking the driver. */
    private static Slot[] slots(PositionalSql statement, Part part) {
        return statement.names().stream().map(name -> {
            int position = part == null ? -1 : part.indexOf(name);
            if (position >= 0) {
                return new Slot(name, position, switch (part.attributes().get(position).type()) {
                    case ID, TEXT, REF -> Types.VARCHAR;
                    case DECIMAL -> Types.NUMERIC;
                    case DATE -> Types.TIMESTAMP_WITH_TIMEZONE;
                    case BOOL -> Types.BOOLEAN;
                    case INT -> Types.INTEGER;
                });
            }
            Integer type = KEYS.get(name);
            if (type == null) {
                throw new IllegalStateException("Parameter :" + name + " of " + statement.sql() + " is neither an attribute nor a key");
            }
            return new Slot(name, -1, type);
        }).toArray(Slot[]::new);
    }
}
