package com.orderhub.order;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.orderhub.db.Rows;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the API shows of an order (the API reference's Order), field by field and in order: the column each
 * field is read from and the child lists in their places. A stored row is read into a
 * {@link Row} of ready-to-write values and written straight to a {@link JsonGenerator}: a JSON
 * page of orders costs no document tree. A tree, where one is needed (XML), is made by writing
 * into a {@link TokenBuffer}. The one definition of
 * the document, for every sink.
 */
final class OrderView {

    enum Kind { TEXT, DECIMAL, DATE, BOOL, INT }

    /** One element of a part's view: a value, an object of values, or a child list. */
    private sealed interface Element permits Value, Nested, Children {
    }

    /** A field read from one column. */
    private record Value(SerializedString name, String column, Kind kind) implements Element {
    }

    /** An object of values; {@code nullable}: the whole object is null when its first value is. */
    private record Nested(SerializedString name, boolean nullable, List<Value> values) implements Element {
    }

    /** A child list, filled by {@link Row#add}, of rows of the child's view. */
    private record Children(SerializedString name, OrderView view) implements Element {
    }

    /** A stored row as its part's view shows it: the values in field order, then its child lists. */
    static final class Row {
        private final Object[] values;
        private final List<Row>[] lists;

        @SuppressWarnings("unchecked")
        private Row(int values, int lists) {
            this.values = new Object[values];
            this.lists = new List[lists];
            for (int l = 0; l < lists; l++) {
                this.lists[l] = new ArrayList<>();
            }
        }

        /** Appends a child to a list of this row: the list's position among its view's lists. */
        void add(int list, Row child) {
            lists[list].add(child);
        }
    }

    static final OrderView LINE_DISCOUNT = new OrderView(OrderShape.Part.LINE_DISCOUNT, List.of(
            text("id", "id"), text("idRemote", "id_remote"),
            decimal("discount", "discount"), decimal("amountDiscount", "amount_discount")));

    static final OrderView DETAIL = new OrderView(OrderShape.Part.DETAIL, List.of(
            text("id", "id"), text("idRemote", "id_remote"), text("productId", "product_id"),
            decimal("quantity", "quantity"), decimal("price", "price"), decimal("retailPrice", "retail_price")));

    static final OrderView DISCOUNT = new OrderView(OrderShape.Part.DISCOUNT, List.of(
            text("id", "id"), text("idRemote", "id_remote"),
            nested("discountType", false, text("id", "discount_type_id"), text("name", "type_name"),
                    text("code", "type_code"), text("description", "type_description")),
            text("discountTypeId", "discount_type_id"), value("sequence", "sequence", Kind.INT),
            decimal("discount", "discount"), decimal("amountDiscount", "amount_discount"),
            value("isLine", "is_line", Kind.BOOL), value("isHeader", "is_header", Kind.BOOL)));

    static final OrderView LINE = new OrderView(OrderShape.Part.LINE, List.of(
            text("id", "id"), text("idRemote", "id_remote"),
            text("lineStatus", "line_status"), text("lineStatusId", "line_status_id"),
            children("discount", LINE_DISCOUNT), text("observations", "observations"), date("deliveryDate", "delivery_date"),
            decimal("lineAmount", "line_amount"), decimal("quantity", "quantity"),
            decimal("quantityServed", "quantity_served"), decimal("quantityFromStock", "quantity_from_stock"),
            children("lineDetail", DETAIL)));

    static final OrderView ORDER = new OrderView(OrderShape.Part.ORDER, List.of(
            text("id", "id"), text("idRemote", "id_remote"), text("reference", "reference"),
            nested("company", false, text("id", "company_id"), text("idRemote", "company_id_remote"),
                    text("companyName", "company_name")),
            nested("client", false, text("id", "client_id"), text("idRemote", "client_id_remote"),
                    text("contactName", "client_contact_name")),
            text("agent", "agent_id"), text("agentId", "agent_id"),
            text("status", "status_description"), text("statusId", "status_id"),
            nested("season", true, text("id", "season_id"), text("idRemote", "season_id_remote"),
                    text("description", "season_description")),
            text("seasonId", "season_id"),
            text("shippingAddress", "shipping_address"), text("billingAddress", "billing_address"),
            text("shippingAddressId", "shipping_address_id"), text("billingAddressId", "billing_address_id"),
            children("discount", DISCOUNT), children("lines", LINE),
            date("dateOrder", "date_order"), date("dateModified", "date_modified"),
            date("dateDelivery", "date_delivery"), text("observation", "observation"),
            decimal("grossAmount", "gross_amount"), decimal("baseAmount", "base_amount"),
            decimal("shippingAmount", "shipping_amount"), decimal("taxAmount", "tax_amount"),
            decimal("taxrecAmount", "taxrec_amount"), decimal("totalAmount", "total_amount"),
            decimal("totalQuantity", "total_quantity"), decimal("quantityServed", "quantity_served"),
            decimal("quantityPending", "quantity_pending"),
            text("shipper", "shipper"), text("origin", "origin"),
            value("isSale", "is_sale", Kind.BOOL), value("active", "active", Kind.BOOL),
            date("createdAt", "created_at"), date("updatedAt", "updated_at")));

    private final Element[] elements;
    /** Every value of the view, nested ones included, in slot order. */
    private final Value[] slots;
    private final int lists;

    private OrderView(OrderShape.Part part, List<Element> elements) {
        this.elements = elements.toArray(Element[]::new);
        List<Value> slots = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        for (Element element : elements) {
            if (element instanceof Value value) {
                slots.add(value);
            } else if (element instanceof Nested nested) {
                slots.addAll(nested.values());
            } else if (element instanceof Children children) {
                lists.add(children.name().getValue());
            }
        }
        // a row's lists are filled by their index in the part's lists
        if (!lists.equals(part.lists())) {
            throw new IllegalStateException(part + " shows lists " + lists + ", not its shape's " + part.lists());
        }
        this.slots = slots.toArray(Value[]::new);
        this.lists = lists.size();
    }

    /**
     * A reader of one statement's rows: the columns are found by name on the first row of a result
     * set and read by index after that (a lookup by name on every read cost a tenth of a page).
     */
    Reader reader() {
        return new Reader();
    }

    final class Reader {
        private ResultSet bound;
        private final int[] columns = new int[slots.length];

        /** Reads the current row of {@code rs} as this view shows it, with empty child lists. */
        Row read(ResultSet rs) throws SQLException {
            if (rs != bound) {
                for (int i = 0; i < slots.length; i++) {
                    columns[i] = rs.findColumn(slots[i].column());
                }
                bound = rs;
            }
            Row row = new Row(slots.length, lists);
            for (int i = 0; i < slots.length; i++) {
                row.values[i] = OrderView.read(rs, slots[i].kind(), columns[i]);
            }
            return row;
        }
    }

    /** Writes a row of this view as a JSON object, with its children by their parts' views. */
    void write(Row row, JsonGenerator json) throws IOException {
        // a tree needs decimals as numbers (a token buffer would keep their text, and read it back
        // as a double); a stream takes their text as it is. Trees are made only by writing into a
        // TokenBuffer itself (ApiResponses#render, for XML)
        boolean tree = json instanceof TokenBuffer;
        json.writeStartObject();
        int slot = 0;
        int list = 0;
        for (Element element : elements) {
            if (element instanceof Value value) {
                json.writeFieldName(value.name());
                write(value.kind(), row.values[slot++], json, tree);
            } else if (element instanceof Nested nested) {
                json.writeFieldName(nested.name());
                if (nested.nullable() && row.values[slot] == null) {
                    json.writeNull();
                    slot += nested.values().size();
                    continue;
                }
                json.writeStartObject();
                for (Value value : nested.values()) {
                    json.writeFieldName(value.name());
                    write(value.kind(), row.values[slot++], json, tree);
                }
                json.writeEndObject();
            } else if (element instanceof Children children) {
                json.writeFieldName(children.name());
                json.writeStartArray();
                for (Row child : row.lists[list++]) {
                    children.view().write(child, json);
                }
                json.writeEndArray();
            }
        }
        json.writeEndObject();
    }

    private static Object read(ResultSet rs, Kind kind, int column) throws SQLException {
        return switch (kind) {
            case TEXT -> rs.getString(column);
            case DECIMAL -> Rows.decimalText(rs, column);
            case DATE -> {
                Instant at = Rows.instant(rs, column);
                yield at == null ? null : at.toString();
            }
            case BOOL -> rs.getBoolean(column);
            case INT -> rs.getInt(column);
        };
    }

    private static void write(Kind kind, Object value, JsonGenerator json, boolean tree) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (kind) {
            case TEXT, DATE -> json.writeString((String) value);
            case DECIMAL -> {
                if (tree) {
                    json.writeNumber(new BigDecimal((String) value));
                } else {
                    json.writeNumber((String) value);
                }
            }
            case BOOL -> json.writeBoolean((Boolean) value);
            case INT -> json.writeNumber((Integer) value);
        }
    }

    private static Value value(String name, String column, Kind kind) {
        return new Value(new SerializedString(name), column, kind);
    }

    private static Value text(String name, String column) {
        return value(name, column, Kind.TEXT);
    }

    private static Value decimal(String name, String column) {
        return value(name, column, Kind.DECIMAL);
    }

    private static Value date(String name, String column) {
        return value(name, column, Kind.DATE);
    }

    private static Nested nested(String name, boolean nullable, Value... values) {
        return new Nested(new SerializedString(name), nullable, List.of(values));
    }

    private static Children children(String name, OrderView view) {
        return new Children(new SerializedString(name), view);
    }
}
