package com.orderhub.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
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
 * Orders in the full nested shape of SPEC section 3, for any set of hub ids, in two queries
 * whatever the number of orders: the headers, then every child row (header discounts, lines,
 * line discounts, line details) at once.
 * Every reader of orders (the API, tombstones, exports) goes through here.
 */
@Component
public class OrderDocuments {

    /** An order as the API shows it, with the version its ETag is made from. */
    public record StoredOrder(String id, long version, ObjectNode document) {

        public String etag() {
            return "\"" + version + "\"";
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
        jdbc.query(SqlFiles.get("order/headers"), params, rs -> {
            StoredOrder order = new StoredOrder(rs.getString("id"), rs.getLong("version"), header(rs));
            orders.put(order.id(), order);
        });
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<String, ObjectNode> lines = new HashMap<>();
        jdbc.query(SqlFiles.get("order/children-of"), new MapSqlParameterSource("ids", orders.keySet()), rs -> {
            String parentId = rs.getString("parent_id");
            switch (OrderShape.Part.valueOf(rs.getString("part"))) {
                case DISCOUNT -> discount(rs, orders.get(parentId).document().withArray("discount").addObject());
                case LINE -> lines.put(rs.getString("id"),
                        line(rs, orders.get(parentId).document().withArray("lines").addObject()));
                case LINE_DISCOUNT -> {
                    ObjectNode discount = lines.get(parentId).withArray("discount").addObject();
                    discount.put("id", rs.getString("id"));
                    discount.put("idRemote", rs.getString("id_remote"));
                    discount.put("discount", Rows.decimal(rs, "discount"));
                    discount.put("amountDiscount", Rows.decimal(rs, "amount_discount"));
                }
                case DETAIL -> {
                    ObjectNode detail = lines.get(parentId).withArray("lineDetail").addObject();
                    detail.put("id", rs.getString("id"));
                    detail.put("idRemote", rs.getString("id_remote"));
                    detail.put("productId", rs.getString("product_id"));
                    detail.put("quantity", Rows.decimal(rs, "quantity"));
                    detail.put("price", Rows.decimal(rs, "price"));
                    detail.put("retailPrice", Rows.decimal(rs, "retail_price"));
                }
                case ORDER -> throw new IllegalStateException("An order is not a child row");
            }
        });
        return ids.stream().map(orders::get).filter(java.util.Objects::nonNull).toList();
    }

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

    private static ObjectNode header(ResultSet rs) throws SQLException {
        ObjectNode o = ApiJson.object();
        o.put("id", rs.getString("id"));
        o.put("idRemote", rs.getString("id_remote"));
        o.put("reference", rs.getString("reference"));
        ObjectNode company = o.putObject("company");
        company.put("id", rs.getString("company_id"));
        company.put("idRemote", rs.getString("company_id_remote"));
        company.put("companyName", rs.getString("company_name"));
        ObjectNode client = o.putObject("client");
        client.put("id", rs.getString("client_id"));
        client.put("idRemote", rs.getString("client_id_remote"));
        client.put("contactName", rs.getString("client_contact_name"));
        o.put("agent", rs.getString("agent_id"));
        o.put("agentId", rs.getString("agent_id"));
        o.put("status", rs.getString("status_description"));
        o.put("statusId", rs.getString("status_id"));
        String seasonId = rs.getString("season_id");
        if (seasonId == null) {
            o.putNull("season");
        } else {
            ObjectNode season = o.putObject("season");
            season.put("id", seasonId);
            season.put("idRemote", rs.getString("season_id_remote"));
            season.put("description", rs.getString("season_description"));
        }
        o.put("seasonId", seasonId);
        o.put("shippingAddress", rs.getString("shipping_address"));
        o.put("billingAddress", rs.getString("billing_address"));
        o.put("shippingAddressId", rs.getString("shipping_address_id"));
        o.put("billingAddressId", rs.getString("billing_address_id"));
        o.putArray("discount");
        o.putArray("lines");
        putInstant(o, "dateOrder", Rows.instant(rs, "date_order"));
        putInstant(o, "dateModified", Rows.instant(rs, "date_modified"));
        putInstant(o, "dateDelivery", Rows.instant(rs, "date_delivery"));
        o.put("observation", rs.getString("observation"));
        for (String[] amount : AMOUNTS) {
            o.put(amount[0], Rows.decimal(rs, amount[1]));
        }
        o.put("shipper", rs.getString("shipper"));
        o.put("origin", rs.getString("origin"));
        o.put("isSale", rs.getBoolean("is_sale"));
        o.put("active", rs.getBoolean("active"));
        putInstant(o, "createdAt", Rows.instant(rs, "created_at"));
        putInstant(o, "updatedAt", Rows.instant(rs, "updated_at"));
        return o;
    }

    private static final String[][] AMOUNTS = {
        {"grossAmount", "gross_amount"}, {"baseAmount", "base_amount"}, {"shippingAmount", "shipping_amount"},
        {"taxAmount", "tax_amount"}, {"taxrecAmount", "taxrec_amount"}, {"totalAmount", "total_amount"},
        {"totalQuantity", "total_quantity"}, {"quantityServed", "quantity_served"},
        {"quantityPending", "quantity_pending"},
    };

    private static void discount(ResultSet rs, ObjectNode d) throws SQLException {
        d.put("id", rs.getString("id"));
        d.put("idRemote", rs.getString("id_remote"));
        ObjectNode type = d.putObject("discountType");
        type.put("id", rs.getString("discount_type_id"));
        type.put("name", rs.getString("type_name"));
        type.put("code", rs.getString("type_code"));
        type.put("description", rs.getString("type_description"));
        d.put("discountTypeId", rs.getString("discount_type_id"));
        d.put("sequence", rs.getInt("sequence"));
        d.put("discount", Rows.decimal(rs, "discount"));
        d.put("amountDiscount", Rows.decimal(rs, "amount_discount"));
        d.put("isLine", rs.getBoolean("is_line"));
        d.put("isHeader", rs.getBoolean("is_header"));
    }

    private static ObjectNode line(ResultSet rs, ObjectNode l) throws SQLException {
        l.put("id", rs.getString("id"));
        l.put("idRemote", rs.getString("id_remote"));
        l.put("lineStatus", rs.getString("line_status"));
        l.put("lineStatusId", rs.getString("line_status_id"));
        l.putArray("discount");
        l.put("observations", rs.getString("observations"));
        putInstant(l, "deliveryDate", Rows.instant(rs, "delivery_date"));
        l.put("lineAmount", Rows.decimal(rs, "line_amount"));
        l.put("quantity", Rows.decimal(rs, "quantity"));
        l.put("quantityServed", Rows.decimal(rs, "quantity_served"));
        l.put("quantityFromStock", Rows.decimal(rs, "quantity_from_stock"));
        l.putArray("lineDetail");
        return l;
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        node.put(field, value == null ? null : value.toString());
    }

}
