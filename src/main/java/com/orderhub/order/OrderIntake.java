package com.orderhub.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.Dates;
import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import com.orderhub.db.Ids;
import com.orderhub.db.SqlFiles;
import com.orderhub.order.OrderMessages.Queued;
import com.orderhub.order.OrderReferences.Failure;
import com.orderhub.order.OrderStore.NewOrder;
import com.orderhub.status.MessageStatuses;
import com.orderhub.status.MessageStatuses.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order-intake route's judgement: checks the references of queued orders and stores each
 * with its lines, details and discounts, and its status entry, in one transaction. It takes a
 * batch (one order today, many for throughput later) and keeps every order's outcome its own.
 * An entry that is already final (a redelivered message) is left alone: never a second order,
 * never a completed entry turned into a 409.
 */
@Component("orderIntake")
public class OrderIntake {

    private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);

    static final String DUPLICATE = "Duplicate entry";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OrderReferences references;
    private final OrderStore store;
    private final MessageStatuses statuses;

    public OrderIntake(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, OrderReferences references,
            OrderStore store, MessageStatuses statuses) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.references = references;
        this.store = store;
        this.statuses = statuses;
    }

    /** One queued order, as the route receives it. */
    public void intake(Exchange exchange) {
        Message message = exchange.getMessage();
        intake(List.of(new Queued(message.getHeader(OrderMessages.TENANT, String.class),
                message.getHeader(OrderMessages.MESSAGE_ID, String.class),
                message.getHeader(OrderMessages.INDEX, Integer.class),
                message.getHeader(OrderMessages.ORIGIN, String.class),
                message.getBody(String.class))));
    }

    /** Any number of queued orders: one transaction, an outcome per order. */
    public void intake(List<Queued> batch) {
        try {
            transaction.executeWithoutResult(status -> store(batch));
        } catch (DuplicateKeyException raced) {
            // another writer stored an order with one of these idRemotes after our check
            if (batch.size() > 1) {
                batch.forEach(order -> intake(List.of(order)));
            } else {
                Queued order = batch.get(0);
                transaction.executeWithoutResult(status -> {
                    if (statuses.lock(order.messageId(), order.index()).filter(MessageStatuses::isOpen).isPresent()) {
                        statuses.finish(List.of(Outcome.failed(order.messageId(), order.index(), 409, DUPLICATE)));
                    }
                });
            }
        }
    }

    /**
     * The intake's last word on an order it could not store after every retry: its entry fails
     * with code 500. If even that cannot be written, the entry stays pending with its payload and
     * is queued again at the next start.
     */
    public void failed(Exchange exchange) {
        Message message = exchange.getMessage();
        String messageId = message.getHeader(OrderMessages.MESSAGE_ID, String.class);
        Integer index = message.getHeader(OrderMessages.INDEX, Integer.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = com.orderhub.api.Problems.of(failure).getMessage();
        try {
            transaction.executeWithoutResult(status -> statuses.finish(List.of(Outcome.failed(messageId, index, 500, why))));
            LOG.error("Message {} entry {} failed after retries: {}", messageId, index, why);
        } catch (RuntimeException e) {
            LOG.error("Message {} entry {} could not be stored nor marked failed ({}); it stays pending",
                    messageId, index, e.toString());
        }
    }

    private void store(List<Queued> batch) {
        Instant now = Dates.now();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, List<Parsed>> byTenant = new LinkedHashMap<>();
        for (Queued order : batch) {
            Optional<String> entry = statuses.lock(order.messageId(), order.index());
            if (entry.isEmpty() || !MessageStatuses.isOpen(entry.get())) {
                LOG.debug("Message {} entry {} is {}: redelivery ignored", order.messageId(), order.index(),
                        entry.orElse("unknown"));
                continue;
            }
            Parsed parsed = parse(order);
            if (parsed.failure() != null) {
                outcomes.add(Outcome.failed(order.messageId(), order.index(), parsed.failure().code(),
                        parsed.failure().message()));
            } else {
                byTenant.computeIfAbsent(order.tenant(), t -> new ArrayList<>()).add(parsed);
            }
        }
        byTenant.forEach((tenant, orders) -> storeTenant(tenant, orders, now, outcomes));
        statuses.finish(outcomes);
        outcomes.stream().filter(o -> o.code() >= 300).forEach(o -> LOG.info("Message {} entry {} failed: {} {}",
                o.messageId(), o.index(), o.code(), o.errorMessage()));
    }

    private void storeTenant(String tenant, List<Parsed> orders, Instant now, List<Outcome> outcomes) {
        Set<String> taken = new HashSet<>(jdbc.queryForList(SqlFiles.get("order/existing-id-remotes"),
                new MapSqlParameterSource("tenant", tenant)
                        .addValue("idRemotes", orders.stream().map(p -> p.draft().idRemote()).toList()),
                String.class));
        List<Parsed> fresh = new ArrayList<>();
        for (Parsed order : orders) {
            if (!taken.add(order.draft().idRemote())) {
                outcomes.add(Outcome.failed(order.queued().messageId(), order.queued().index(), 409, DUPLICATE));
            } else {
                fresh.add(order);
            }
        }
        Map<Draft, Failure> failures = references.resolve(tenant, fresh.stream().map(Parsed::draft).toList());
        List<NewOrder> valid = new ArrayList<>();
        for (Parsed order : fresh) {
            Failure failure = failures.get(order.draft());
            if (failure != null) {
                outcomes.add(Outcome.failed(order.queued().messageId(), order.queued().index(), failure.code(),
                        failure.message()));
            } else {
                String id = Ids.next();
                valid.add(new NewOrder(id, order.draft(), order.queued().origin()));
                outcomes.add(Outcome.completed(order.queued().messageId(), order.queued().index(), id));
            }
        }
        store.insert(tenant, valid, now);
    }

    private record Parsed(Queued queued, Draft draft, Failure failure) {
    }

    /** The accepted JSON again as a draft; a shape problem here means it did not come through the API. */
    private static Parsed parse(Queued order) {
        try {
            JsonNode node = ApiJson.MAPPER.readTree(order.payload());
            FieldErrors errors = new FieldErrors();
            Draft draft = OrderShape.forCreate(new Fields(node, "", errors));
            if (!errors.isEmpty()) {
                return new Parsed(order, null, new Failure(400, errors.first()));
            }
            return new Parsed(order, draft, null);
        } catch (JsonProcessingException | RuntimeException e) {
            return new Parsed(order, null, new Failure(400, "Order is not valid JSON: " + e.getMessage()));
        }
    }
}
