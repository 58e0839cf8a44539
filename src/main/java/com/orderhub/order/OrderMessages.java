package com.orderhub.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How orders travel on the queue, whatever the broker. A queue message is a batch: orders of
 * one accepted message (a request or a file) that the intake stores in one transaction. Its
 * body holds the orders in their {@link CheckedOrders checked form}, one per line (compact JSON
 * has no raw line break), and its headers say whose they are and which status entries they update.
 */
public final class OrderMessages {

    public static final String TENANT = "OrderHubTenant";
    public static final String MESSAGE_ID = "OrderHubMessageId";
    public static final String ORIGIN = "OrderHubOrigin";
    /** The batch's entry indexes, comma-separated, in the order of the body's lines. */
    public static final String INDEXES = "OrderHubIndexes";

    public static final String CONTENT_TYPE = "application/x-ndjson";

    private OrderMessages() {
    }

    /** One order on its way through the queue. */
    public record Queued(String tenant, String messageId, int index, String origin, String payload) {
    }

    /** Orders of one message that travel, and are stored, together. */
    public record Batch(String tenant, String messageId, String origin, List<Queued> orders) {

        public String body() {
            return orders.stream().map(Queued::payload).collect(Collectors.joining("\n"));
        }

        public Map<String, Object> headers() {
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(TENANT, tenant);
            headers.put(MESSAGE_ID, messageId);
            headers.put(ORIGIN, origin);
            headers.put(INDEXES, orders.stream().map(o -> String.valueOf(o.index())).collect(Collectors.joining(",")));
            return headers;
        }
    }

    /**
     * The orders in batches of at most {@code size}, each of one message, keeping their order
     * (a run of orders of the same message is cut only by the size).
     */
    public static List<Batch> batches(List<Queued> orders, int size) {
        List<Batch> batches = new ArrayList<>(orders.size() / size + 1);
        List<Queued> current = new ArrayList<>(Math.min(size, orders.size()));
        for (Queued order : orders) {
            if (!current.isEmpty() && (current.size() == size || !sameMessage(current.get(0), order))) {
                batches.add(batch(current));
                current = new ArrayList<>(size);
            }
            current.add(order);
        }
        if (!current.isEmpty()) {
            batches.add(batch(current));
        }
        return batches;
    }

    private static boolean sameMessage(Queued a, Queued b) {
        return a.messageId().equals(b.messageId()) && a.tenant().equals(b.tenant()) && a.origin().equals(b.origin());
    }

    private static Batch batch(List<Queued> orders) {
        Queued first = orders.get(0);
        return new Batch(first.tenant(), first.messageId(), first.origin(), List.copyOf(orders));
    }

    /**
     * The orders of a queue message from its headers (looked up by name) and body.
     */
    public static List<Queued> orders(java.util.function.Function<String, Object> header, String body) {
        String tenant = text(header.apply(TENANT));
        String messageId = text(header.apply(MESSAGE_ID));
        String origin = text(header.apply(ORIGIN));
        Object indexes = header.apply(INDEXES);
        if (messageId == null || indexes == null || body == null) {
            throw new IllegalArgumentException("Not an order message: headers " + MESSAGE_ID + " and " + INDEXES
                    + " and a body are required");
        }
        String[] index = indexes.toString().split(",");
        String[] payload = body.split("\n", -1);
        if (index.length != payload.length) {
            throw new IllegalArgumentException("Order message " + messageId + " names " + index.length
                    + " entries but holds " + payload.length + " orders");
        }
        List<Queued> orders = new ArrayList<>(index.length);
        for (int i = 0; i < index.length; i++) {
            orders.add(new Queued(tenant, messageId, Integer.parseInt(index[i].trim()), origin, payload[i]));
        }
        return orders;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
