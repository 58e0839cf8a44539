package com.orderhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object of a request body, checking each and recording every
 * problem under its path ({@code [0].lines[1].lineDetail[0].productId}) instead of stopping at
 * the first. Getters return null for an absent or invalid field; the caller throws once at the
 * end through {@link FieldErrors#throwIfAny()}.
 */
public final class Fields {

    public static final int ID_LENGTH = 100;
    /** NUMERIC(19,4): at most 15 digits before the point and 4 after. */
    private static final int INTEGER_DIGITS = 15;
    private static final int FRACTION_DIGITS = 4;

    private final JsonNode node;
    private final String path;
    private final FieldErrors errors;

    public Fields(JsonNode node, String path, FieldErrors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    public JsonNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    public FieldErrors errors() {
        return errors;
    }

    public boolean has(String name) {
        return node.has(name);
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void problem(String name, String message) {
        errors.add(pathOf(name), "Parameter " + name + " " + message);
    }

    /** The field, or null when absent or null (recorded as a problem when required). */
    private JsonNode present(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem(name, "is required");
            }
            return null;
        }
        return value;
    }

    /** A string; a JSON number is taken as its text too, since ERP ids are often numeric. */
    public String text(String name, boolean required, int maxLength) {
        JsonNode value = present(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            problem(name, "must be a string");
            return null;
        }
        String text = value.isNumber() ? value.decimalValue().toPlainString() : value.textValue();
        if (required && text.isBlank()) {
            problem(name, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            problem(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /** An id of this or a referenced entity: the hub id or the caller's idRemote. */
    public String id(String name, boolean required) {
        return text(name, required, ID_LENGTH);
    }

    /** A decimal that fits NUMERIC(19,4); a numeric string is accepted too. */
    public BigDecimal decimal(String name, boolean required) {
        JsonNode value = present(name, required);
        if (value == null) {
            return null;
        }
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                number = new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException e) {
                problem(name, "must be a number");
                return null;
            }
        } else {
            problem(name, "must be a number");
            return null;
        }
        BigDecimal plain = number.stripTrailingZeros();
        if (plain.scale() > FRACTION_DIGITS || plain.precision() - plain.scale() > INTEGER_DIGITS) {
            problem(name, "must have at most " + INTEGER_DIGITS + " digits before the decimal point and "
                    + FRACTION_DIGITS + " after it");
            return null;
        }
        return number;
    }

    public Integer integer(String name, boolean required) {
        JsonNode value = present(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(name, "must be an integer");
            return null;
        }
        return value.intValue();
    }

    public Boolean bool(String name, boolean required) {
        JsonNode value = present(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(name, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    public Instant date(String name, boolean required) {
        JsonNode value = present(name, required);
        if (value == null) {
            return null;
        }
        Instant date = value.isTextual() ? Dates.parse(value.textValue()) : null;
        if (date == null) {
            problem(name, "must be a date as " + Dates.FORMATS);
        }
        return date;
    }

    /** A string that must be one of a fixed set of values. */
    public String oneOf(String name, boolean required, Set<String> allowed) {
        String text = text(name, required, ID_LENGTH);
        if (text != null && !allowed.contains(text)) {
            problem(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return text;
    }

    /** The objects of an array field, each with its own path; empty when absent or invalid. */
    public List<Fields> objects(String name, boolean required) {
        JsonNode value = present(name, required);
        List<Fields> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray()) {
            problem(name, "must be an array");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = pathOf(name) + "[" + i + "]";
            if (item.isObject()) {
                items.add(new Fields(item, itemPath, errors));
            } else {
                errors.add(itemPath, "Parameter " + name + "[" + i + "] must be an object");
            }
        }
        return items;
    }

    /** The strings of an array field; empty when absent or invalid. */
    public List<String> texts(String name, boolean required, int maxLength) {
        JsonNode value = present(name, required);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray()) {
            problem(name, "must be an array");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String label = name + "[" + i + "]";
            if ((item.isTextual() || item.isNumber()) && !item.asText().isBlank() && item.asText().length() <= maxLength) {
                items.add(item.isNumber() ? item.decimalValue().toPlainString() : item.textValue());
            } else {
                errors.add(pathOf(label), "Parameter " + label + " must be a non-blank string of at most "
                        + maxLength + " characters");
            }
        }
        return items;
    }
}
