package com.orderhub.order;

import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import com.orderhub.db.References.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of an order (the API reference's OrderCreate): every attribute of the order and of its discounts, lines,
 * line discounts and line details, with its type, column and whether a new row needs it.
 * Checking a body against it is synchronous and reports every problem at once; references are
 * only read here, and checked against the tenant's data by {@link OrderReferences}.
 */
public final class OrderShape {

    public enum Type { ID, TEXT, DECIMAL, DATE, BOOL, INT, REF }

    /** One attribute: JSON name, column, type, whether a new row needs it, and its limit or kind. */
    public record Attribute(String name, String column, Type type, boolean required, int maxLength, Kind kind) {

        static Attribute of(String name, Type type, boolean required) {
            return new Attribute(name, column(name), type, required, type == Type.ID ? Fields.ID_LENGTH : 0, null);
        }

        static Attribute text(String name, int maxLength) {
            return new Attribute(name, column(name), Type.TEXT, false, maxLength, null);
        }

        static Attribute ref(String name, Kind kind, boolean required) {
            return new Attribute(name, column(name), Type.REF, required, Fields.ID_LENGTH, kind);
        }

        private static String column(String name) {
            return name.replaceAll("([A-Z])", "_$1").toLowerCase();
        }
    }

    /** A part of an order: its attributes and the child lists it may carry. */
    public enum Part {
        ORDER(List.of(
                Attribute.of("idRemote", Type.ID, true),
                Attribute.text("reference", 100),
                Attribute.ref("companyId", Kind.COMPANY, true),
                Attribute.ref("clientId", Kind.BUSINESS_PARTNER, true),
                Attribute.ref("agentId", Kind.BUSINESS_PARTNER, true),
                Attribute.ref("statusId", Kind.ORDER_STATUS, true),
                Attribute.ref("seasonId", Kind.SEASON, false),
                Attribute.ref("shippingAddressId", Kind.LOCATION, true),
                Attribute.ref("billingAddressId", Kind.LOCATION, true),
                Attribute.of("dateOrder", Type.DATE, true),
                Attribute.of("dateModified", Type.DATE, false),
                Attribute.of("dateDelivery", Type.DATE, false),
                Attribute.text("observation", 4000),
                Attribute.of("grossAmount", Type.DECIMAL, true),
                Attribute.of("baseAmount", Type.DECIMAL, true),
                Attribute.of("shippingAmount", Type.DECIMAL, true),
                Attribute.of("taxAmount", Type.DECIMAL, true),
                Attribute.of("taxrecAmount", Type.DECIMAL, false),
                Attribute.of("totalAmount", Type.DECIMAL, true),
                Attribute.of("totalQuantity", Type.DECIMAL, true),
                Attribute.of("quantityServed", Type.DECIMAL, true),
                Attribute.of("quantityPending", Type.DECIMAL, true),
                Attribute.text("shipper", 255),
                Attribute.of("isSale", Type.BOOL, false)),
                List.of("discount", "lines")),
        DISCOUNT(List.of(
                Attribute.of("idRemote", Type.ID, true),
                Attribute.ref("discountTypeId", Kind.DISCOUNT_TYPE, true),
                Attribute.of("sequence", Type.INT, true),
                Attribute.of("discount", Type.DECIMAL, true),
                Attribute.of("amountDiscount", Type.DECIMAL, true),
                Attribute.of("isHeader", Type.BOOL, true),
                Attribute.of("isLine", Type.BOOL, false)),
                List.of()),
        LINE(List.of(
                Attribute.of("idRemote", Type.ID, true),
                Attribute.ref("lineStatusId", Kind.LINE_STATUS, true),
                Attribute.text("observations", 4000),
                Attribute.of("deliveryDate", Type.DATE, false),
                Attribute.of("lineAmount", Type.DECIMAL, false),
                Attribute.of("quantity", Type.DECIMAL, false),
                Attribute.of("quantityServed", Type.DECIMAL, false),
                Attribute.of("quantityFromStock", Type.DECIMAL, false)),
                List.of("discount", "lineDetail")),
        LINE_DISCOUNT(List.of(
                Attribute.of("idRemote", Type.ID, true),
                Attribute.of("discount", Type.DECIMAL, true),
                Attribute.of("amountDiscount", Type.DECIMAL, true)),
                List.of()),
        DETAIL(List.of(
                Attribute.of("idRemote", Type.ID, true),
                Attribute.ref("productId", Kind.PRODUCT, true),
                Attribute.of("quantity", Type.DECIMAL, false),
                Attribute.of("price", Type.DECIMAL, false),
                Attribute.of("retailPrice", Type.DECIMAL, false)),
                List.of());

        private final List<Attribute> attributes;
        private final List<String> lists;
        private final Map<String, Integer> index = new HashMap<>();

        Part(List<Attribute> attributes, List<String> lists) {
            this.attributes = attributes;
            this.lists = lists;
            if (attributes.size() > Long.SIZE) {
                throw new IllegalStateException(this + ": a draft marks its attributes in one long");
            }
            for (int i = 0; i < attributes.size(); i++) {
                index.put(attributes.get(i).name(), i);
            }
        }

        /** The attribute's position in {@link #attributes()}, or -1 when the part has none of that name. */
        public int indexOf(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }

        int attributeIndex(String name) {
            int i = indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(this + " has no attribute " + name);
            }
            return i;
        }

        /** The child list's position in {@link #lists()}. */
        int listIndex(String list) {
            int l = lists.indexOf(list);
            if (l < 0) {
                throw new IllegalArgumentException(this + " has no list " + list);
            }
            return l;
        }

        public List<Attribute> attributes() {
            return attributes;
        }

        public List<String> lists() {
            return lists;
        }

        /** The part a child list holds: an order's discount[] and lines[], a line's discount[] and lineDetail[]. */
        public Part child(String list) {
            return switch (list) {
                case "discount" -> this == ORDER ? DISCOUNT : LINE_DISCOUNT;
                case "lines" -> LINE;
                case "lineDetail" -> DETAIL;
                default -> throw new IllegalArgumentException(list);
            };
        }
    }

    private OrderShape() {
    }

    /** A new order: every required attribute must be there, and every line needs a detail. */
    public static Draft forCreate(Fields order) {
        return read(Part.ORDER, order, true);
    }

    /** An update: only what is present is read; {@link #requireForNew} checks new children later. */
    public static Draft forUpdate(Fields order) {
        return read(Part.ORDER, order, false);
    }

    static Draft read(Part part, Fields fields, boolean complete) {
        Draft draft = new Draft(part, fields.path());
        List<Attribute> attributes = part.attributes();
        for (int a = 0; a < attributes.size(); a++) {
            Attribute attribute = attributes.get(a);
            if (!complete && !fields.has(attribute.name())) {
                continue;
            }
            // an update's present null clears the attribute; a new order's null is as good as absent
            if (!complete && fields.node().get(attribute.name()).isNull()) {
                if (attribute.required()) {
                    fields.errors().add(fields.path().isEmpty() ? attribute.name() : fields.path() + "." + attribute.name(),
                            "Parameter " + attribute.name() + " is required");
                }
                draft.put(a, null);
                continue;
            }
            draft.put(a, value(attribute, fields, complete && attribute.required()));
        }
        for (String list : part.lists()) {
            if (!complete && !fields.has(list)) {
                continue;
            }
            boolean needsOne = complete && list.equals("lineDetail");
            List<Fields> items = fields.objects(list, needsOne);
            if (needsOne && items.isEmpty() && fields.has(list) && fields.node().get(list).isArray()) {
                fields.errors().add(fields.path() + "." + list, "Parameter " + list + " must hold at least one item");
            }
            Set<String> seen = new HashSet<>();
            List<Draft> children = draft.children(list);
            for (Fields item : items) {
                Draft child = read(part.child(list), item, complete);
                String idRemote = child.idRemote();
                if (idRemote != null && !seen.add(idRemote)) {
                    item.errors().add(item.path() + ".idRemote", "Parameter idRemote " + idRemote
                            + " appears twice in " + list);
                }
                children.add(child);
            }
        }
        if (complete && part == Part.ORDER && draft.get("isSale") == null) {
            draft.put("isSale", Boolean.TRUE);
        }
        if (complete && part == Part.DISCOUNT && draft.get("isLine") == null) {
            draft.put("isLine", Boolean.FALSE);
        }
        return draft;
    }

    /** A child an update adds is a new row: it needs every required attribute, as on create. */
    static void requireForNew(Draft child, FieldErrors errors) {
        for (Attribute attribute : child.part().attributes()) {
            if (attribute.required() && child.get(attribute.name()) == null) {
                errors.add(child.path() + "." + attribute.name(), "Parameter " + attribute.name() + " is required");
            }
        }
        if (child.part() == Part.LINE && child.children("lineDetail").isEmpty()) {
            errors.add(child.path() + ".lineDetail", "Parameter lineDetail is required");
        }
        if (child.part() == Part.DISCOUNT && child.get("isLine") == null) {
            child.put("isLine", Boolean.FALSE);
        }
    }

    private static Object value(Attribute attribute, Fields fields, boolean required) {
        return switch (attribute.type()) {
            case ID, REF -> fields.id(attribute.name(), required);
            case TEXT -> fields.text(attribute.name(), required, attribute.maxLength());
            case DECIMAL -> fields.decimal(attribute.name(), required);
            case DATE -> fields.date(attribute.name(), required);
            case BOOL -> fields.bool(attribute.name(), required);
            case INT -> fields.integer(attribute.name(), required);
        };
    }
}
