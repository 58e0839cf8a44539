package com.orderhub.order;

/**
 * The headers an order carries on the queue, whatever the broker: the body is the order's JSON
 * exactly as accepted, the headers say whose it is and which status entry it updates.
 */
public final class OrderMessages {

    public static final String TENANT = "OrderHubTenant";
    public static final String MESSAGE_ID = "OrderHubMessageId";
    public static final String INDEX = "OrderHubIndex";
    public static final String ORIGIN = "OrderHubOrigin";

    private OrderMessages() {
    }

    /** One order on its way through the queue. */
    public record Queued(String tenant, String messageId, int index, String origin, String payload) {
    }

    public static java.util.Map<String, Object> headers(Queued order) {
        return java.util.Map.of(TENANT, order.tenant(), MESSAGE_ID, order.messageId(), INDEX, order.index(),
                ORIGIN, order.origin());
    }
}
