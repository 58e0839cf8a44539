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
import org.apache.camel.Exchange;
import com.orderhub.api.ApiProblem;
import com.orderhub.order.OrderMessages.Queued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * POST /Order/create (the API reference): checks the shape of every order synchronously, records the
 * message with a pending entry per order, and leaves the orders as the exchange's body for the
 * route to put on the queue; then answers 201 with the message's status URL.
 */
@Component("orderAcceptance")
public class OrderAcceptance {

    private static final Logger LOG = LoggerFactory.getLogger(OrderAcceptance.class);

    static final String CREATED = "Order message created successfully and dispatched to the queue.";
    private static final String STATUS_PATH = "/message/status/";

    private final MessageStatuses statuses;
    private final OrderQueue queue;
    private final OrderHubProperties properties;

    public OrderAcceptance(MessageStatuses statuses, OrderQueue queue, OrderHubProperties properties) {
        this.statuses = statuses;
        this.queue = queue;
        this.properties = properties;
    }

    /**
     * Checks, records and queues the orders. If they cannot all be queued, the message is
     * forgotten (a retry starts afresh; an order that did reach the queue finds no entry and is
     * dropped by the intake) and the caller gets a 503.
     */
    public void accept(Exchange exchange) {
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
        Accepted accepted = statuses.accept(request.tenant(), "api", entries, key,
                key == null ? null : Digests.sha256Hex(canonical(items)), Ids.next());
        exchange.getMessage().setHeader(OrderMessages.MESSAGE_ID, accepted.messageId());
        // the message's lines carry its id from here on (the routes' steps get it from the header)
        try (MDC.MDCCloseable journey = MDC.putCloseable(OrderMessages.MESSAGE_ID, accepted.messageId())) {
            if (!accepted.isNew()) {
                LOG.info("Idempotent replay of message {} for tenant {} (Idempotency-Key seen before)",
                        accepted.messageId(), request.tenant());
                return;
            }
            List<Queued> orders = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                orders.add(new Queued(request.tenant(), accepted.messageId(), i, "api", entries.get(i).payload()));
            }
            long started = System.nanoTime();
            try {
                queue.publish(orders);
            } catch (RuntimeException e) {
                LOG.error("Message {} could not be queued, nothing accepted: {}", accepted.messageId(), e.toString());
                statuses.forget(accepted.messageId());
                throw ApiProblem.outage(503, "The order queue is unavailable; nothing was accepted. Retry later.");
            }
            LOG.info("Accepted message {}: {} orders for tenant {} from api, queued in {} ms", accepted.messageId(),
                    entries.size(), request.tenant(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The 201 of POST /Order/create, sent once every order of the message is durably on the queue. */
    public void created(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        String messageId = exchange.getMessage().getHeader(OrderMessages.MESSAGE_ID, String.class);
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
