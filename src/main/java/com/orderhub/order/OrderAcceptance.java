package com.orderhub.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.ApiRequest;
import com.orderhub.api.Digests;
import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import com.orderhub.api.JsonBody;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.Ids;
import com.orderhub.status.MessageStatuses;
import com.orderhub.status.MessageStatuses.Accepted;
import com.orderhub.status.MessageStatuses.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperties;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import com.orderhub.api.ApiProblem;
import com.orderhub.order.OrderMessages.Queued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * POST /Order/create (the API reference), the accept-orders route's judgement: {@link #check}
 * checks the shape of every order synchronously, {@link #record} records the message with a
 * pending entry per order and answers the orders for the route to put on the queue; once the
 * queue holds them {@link #created} answers 201 with the message's status URL.
 */
@Component("orderAcceptance")
public class OrderAcceptance {

    private static final Logger LOG = LoggerFactory.getLogger(OrderAcceptance.class);

    static final String CREATED = "Order message created successfully and dispatched to the queue.";
    static final String NOT_QUEUED = "The order queue is unavailable; nothing was accepted. Retry later.";
    /** Exchange property: true when the request repeats an Idempotency-Key seen before (nothing to queue). */
    public static final String REPLAY = "OrderHubReplay";
    /** Exchange property: when the message was recorded, for the log line of its 201. */
    private static final String RECORDED_AT = "OrderHubRecordedAt";
    private static final String QUEUED_ORDERS = "OrderHubQueuedOrders";
    private static final String STATUS_PATH = "/message/status/";

    private final MessageStatuses statuses;
    private final OrderHubProperties properties;

    public OrderAcceptance(MessageStatuses statuses, OrderHubProperties properties) {
        this.statuses = statuses;
        this.properties = properties;
    }

    /** A request of the caller's tenant whose every order has the shape of a new order: its entries, and its key with the body's digest. */
    public record Checked(String tenant, List<Entry> entries, String idempotencyKey, String bodySha256) {
    }

    /** Checks every order of the request; any that is not a new order's shape fails the request with 400. */
    public Checked check(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        FieldErrors errors = new FieldErrors();
        List<Fields> items = JsonBody.items(request, properties.api().maxBodyBytes(), properties.api().maxItems(), "orders",
                errors);
        List<Draft> drafts = new ArrayList<>(items.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Fields item : items) {
            Draft draft = OrderShape.forCreate(item);
            if (draft.idRemote() != null && !seen.add(draft.idRemote())) {
                errors.add(item.path() + ".idRemote", "Parameter idRemote " + draft.idRemote()
                        + " appears twice in the request");
            }
            drafts.add(draft);
        }
        errors.throwIfAny();
        List<Entry> entries = drafts.stream().map(d -> new Entry(d.idRemote(), CheckedOrders.write(d))).toList();
        String header = request.http().getHeader("Idempotency-Key");
        String key = header == null || header.isBlank() ? null : header;
        // the body's digest only matters to a key: without one, hashing 100 orders is wasted
        return new Checked(request.tenant(), entries, key, key == null ? null : Digests.sha256Hex(canonical(items)));
    }

    /**
     * Records the message and a pending entry per order, and answers its orders for the queue; a
     * request repeating an Idempotency-Key seen before answers none and is marked a replay.
     */
    public List<Queued> record(@Body Checked checked, @Headers Map<String, Object> headers,
            @ExchangeProperties Map<String, Object> exchange) {
        String tenant = checked.tenant();
        Accepted accepted = statuses.accept(tenant, "api", checked.entries(), checked.idempotencyKey(),
                checked.bodySha256(), Ids.next());
        headers.put(OrderMessages.MESSAGE_ID, accepted.messageId());
        exchange.put(REPLAY, !accepted.isNew());
        if (!accepted.isNew()) {
            LOG.info("Idempotent replay of message {} for tenant {} (Idempotency-Key seen before)",
                    accepted.messageId(), tenant);
            return List.of();
        }
        List<Queued> orders = new ArrayList<>(checked.entries().size());
        for (int i = 0; i < checked.entries().size(); i++) {
            orders.add(new Queued(tenant, accepted.messageId(), i, "api", checked.entries().get(i).payload()));
        }
        exchange.put(RECORDED_AT, System.nanoTime());
        exchange.put(QUEUED_ORDERS, orders.size());
        return orders;
    }

    /**
     * The queue did not take every order: the message is forgotten (a retry starts afresh; an
     * order that did reach the queue finds no entry and is dropped by the intake) and the caller
     * gets a 503.
     */
    public void notQueued(@Header(OrderMessages.MESSAGE_ID) String messageId,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        LOG.error("Message {} could not be queued, nothing accepted: {}", messageId, String.valueOf(failure));
        statuses.forget(messageId);
        throw ApiProblem.outage(503, NOT_QUEUED);
    }

    /** The 201 of POST /Order/create, sent once every order of the message is durably on the queue. */
    public void created(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        String messageId = exchange.getMessage().getHeader(OrderMessages.MESSAGE_ID, String.class);
        Long recordedAt = exchange.getProperty(RECORDED_AT, Long.class);
        if (recordedAt != null) {
            LOG.info("Accepted message {}: {} orders for tenant {} from api, queued in {} ms", messageId,
                    exchange.getProperty(QUEUED_ORDERS), request.tenant(),
                    (System.nanoTime() - recordedAt) / 1_000_000);
        }
        String statusUrl = request.urlOf(properties.api().basePath() + STATUS_PATH + messageId);
        ObjectNode answer = ApiJson.object();
        answer.put("code", 201);
        answer.put("message", CREATED);
        answer.put("statusUrl", statusUrl);
        request.respond(201, answer, Map.of("Location", statusUrl));
    }

    /** The body as compact JSON (the orders as sent, joined), so whitespace does not make another body. */
    private static String canonical(List<Fields> items) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            body.append(i == 0 ? "" : ",").append(json(items.get(i).node()));
        }
        return body.append(']').toString();
    }

    private static String json(Object node) {
        try {
            return ApiJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
