package com.orderhub.order;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.orderhub.order.OrderShape.Attribute;
import com.orderhub.order.OrderShape.Part;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * An order the API or a partner's file has checked, as it travels on the queue and waits in its
 * status entry: one JSON array per part, the attribute values in {@link OrderShape}'s order,
 * then one array per child list holding the children's arrays. Dates are microseconds since the
 * epoch, decimals keep their scale. The intake reads it back without field names and without
 * checking the shape again: parsing the order as sent a second time cost the intake as much as
 * storing it.
 */
public final class CheckedOrders {

    private static final JsonFactory JSON = new JsonFactory();

    private CheckedOrders() {
    }

    /** The checked form of an order whose shape is valid (defaults filled in). */
    public static String write(Draft order) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(out, order);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The order again; a payload that is not a checked order is an {@link IllegalArgumentException}. */
    public static Draft read(String payload) {
        try (JsonParser in = JSON.createParser(payload)) {
            next(in, JsonToken.START_ARRAY);
            Draft order = read(in, Part.ORDER);
            if (in.nextToken() != null) {
                throw new IllegalArgumentException("text after the order");
            }
            return order;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void write(JsonGenerator out, Draft draft) throws IOException {
        out.writeStartArray();
        List<Attribute> attributes = draft.part().attributes();
        for (int a = 0; a < attributes.size(); a++) {
            Attribute attribute = attributes.get(a);
            Object value = draft.get(a);
            if (value == null) {
                out.writeNull();
                continue;
            }
            switch (attribute.type()) {
                case ID, TEXT, REF -> out.writeString(value.toString());
                case DECIMAL -> out.writeNumber(value.toString()); // BigDecimal.toString keeps the scale
                case DATE -> out.writeNumber(micros((Instant) value));
                case BOOL -> out.writeBoolean((Boolean) value);
                case INT -> out.writeNumber((Integer) value);
            }
        }
        for (String list : draft.part().lists()) {
            out.writeStartArray();
            for (Draft child : draft.children(list)) {
                write(out, child);
            }
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    /** A part whose opening bracket has just been read, up to and including its closing one. */
    private static Draft read(JsonParser in, Part part) throws IOException {
        Draft draft = new Draft(part, "");
        List<Attribute> attributes = part.attributes();
        for (int a = 0; a < attributes.size(); a++) {
            Attribute attribute = attributes.get(a);
            JsonToken token = in.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                draft.put(a, null);
                continue;
            }
            draft.put(a, switch (attribute.type()) {
                case ID, TEXT, REF -> want(in, token == JsonToken.VALUE_STRING, attribute).getText();
                case DECIMAL -> want(in, token.isNumeric(), attribute).getDecimalValue();
                case DATE -> instant(want(in, token == JsonToken.VALUE_NUMBER_INT, attribute).getLongValue());
                case BOOL -> want(in, token.isBoolean(), attribute).getBooleanValue();
                case INT -> want(in, token == JsonToken.VALUE_NUMBER_INT, attribute).getIntValue();
            });
        }
        for (String list : part.lists()) {
            next(in, JsonToken.START_ARRAY);
            var children = draft.children(list);
            while (in.nextToken() == JsonToken.START_ARRAY) {
                children.add(read(in, part.child(list)));
            }
            if (in.currentToken() != JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("list " + list + " of " + part + " is not a list of arrays");
            }
        }
        next(in, JsonToken.END_ARRAY);
        return draft;
    }

    private static JsonParser want(JsonParser in, boolean fits, Attribute attribute) {
        if (!fits) {
            throw new IllegalArgumentException(attribute.name() + " is not of type " + attribute.type());
        }
        return in;
    }

    private static void next(JsonParser in, JsonToken expected) throws IOException {
        JsonToken token = in.nextToken();
        if (token != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + token);
        }
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
