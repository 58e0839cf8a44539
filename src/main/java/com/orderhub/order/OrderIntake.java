package com.orderhub.order;

import com.orderhub.api.Dates;
import com.orderhub.api.Problems;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperties;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The judgement of the intake routes (order-write.yaml): a queued batch of orders is stored with
 * its lines, details, discounts and status entries in one transaction (the store-orders route),
 * with an outcome per order: a bad reference or a duplicate fails that order alone. Its steps
 * hand each other the batch's {@link Intake} as an exchange property, so the body stays the
 * batch for a retry. If the batch's transaction fails for a reason the checks did not see (a
 * write raced by another writer, a value the database refuses), intake-orders stores its orders
 * one by one, so only the order at fault is retried. An entry that is already final (a
 * redelivered batch) is left alone: never a second order, never a completed entry turned into a 409.
 */
@Component("orderIntake")
public class OrderIntake {

    private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);

    static final String DUPLICATE = "Duplicate entry";
    /** Exchange property: the batch being stored, from one step of store-orders to the next. */
    static final String INTAKE = "OrderHubIntake";
    /** Exchange property: the batch is to be stored one order at a time (intake-orders). */
    static final String ONE_BY_ONE = "OrderHubOneByOne";

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

    /** The orders of one queue message: a batch of orders of one accepted message. */
    public List<Queued> orders(@Body String body, @Headers Map<String, Object> headers) {
        return OrderMessages.orders(headers::get, body);
    }

    /**
     * A batch that could not be stored together: marked to be stored one order at a time. Like
     * {@link #retry}, it clears the marks the transacted route's error handler left on the exchange.
     */
    public void oneByOne(Exchange exchange) {
        LOG.info("A batch of {} orders could not be stored together ({}); storing them one by one",
                exchange.getMessage().getBody(List.class).size(),
                Problems.of(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)).getMessage());
        forRetries(exchange);
        exchange.setProperty(ONE_BY_ONE, true);
    }

    /** The batch as batches of one order each. */
    public List<List<Queued>> batchesOfOne(@Body List<Queued> batch) {
        return batch.stream().map(List::of).toList();
    }

    /**
     * A failure of the batch that is not the order's fault, thrown again for order-intake's
     * retries. Camel's error handler of the transacted store-orders route marked the exchange's
     * failure as handled by an error handler and its retries as exhausted; with those marks order-intake's own
     * error handler would neither retry it nor have the last word, so they are cleared first.
     */
    public void retry(Exchange exchange) throws Exception {
        forRetries(exchange);
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    private static void forRetries(Exchange exchange) {
        exchange.getExchangeExtension().setRedeliveryExhausted(false);
        exchange.getExchangeExtension().setErrorHandlerHandled(null);
        exchange.getExchangeExtension().setFailureHandled(false);
    }

    /**
     * The batch's orders whose entries are still open, their entries locked until the
     * transaction ends, each read back from its checked form (one that is not fails with 400).
     */
    public void open(@Body List<Queued> batch, @ExchangeProperties Map<String, Object> exchange) {
        Intake intake = new Intake(batch.size());
        for (Queued order : open(batch)) {
            Parsed parsed = parse(order);
            if (parsed.failure() != null) {
                intake.outcomes.add(Outcome.failed(order.messageId(), order.index(), parsed.failure().code(),
                        parsed.failure().message()));
            } else {
                intake.byTenant.computeIfAbsent(order.tenant(), t -> new ArrayList<>()).add(parsed);
            }
        }
        exchange.put(INTAKE, intake);
    }

    /** An order whose idRemote the tenant has already (or twice in the batch) fails with 409. */
    public void duplicates(@ExchangeProperty(INTAKE) Intake intake) {
        intake.byTenant.forEach((tenant, orders) -> {
            Set<String> taken = new HashSet<>(jdbc.queryForList(SqlFiles.get("order/existing-id-remotes"),
                    new MapSqlParameterSource("tenant", tenant)
                            .addValue("idRemotes", orders.stream().map(p -> p.draft().idRemote()).toArray(String[]::new)),
                    String.class));
            taken.remove(null);
            orders.removeIf(order -> {
                if (taken.add(order.draft().idRemote())) {
                    return false;
                }
                intake.outcomes.add(Outcome.failed(order.queued().messageId(), order.queued().index(), 409, DUPLICATE));
                return true;
            });
        });
    }

    /** Every reference of the batch resolved (one query per kind); an order with a bad one fails with its code. */
    public void references(@ExchangeProperty(INTAKE) Intake intake) {
        intake.byTenant.forEach((tenant, orders) -> {
            Map<Draft, Failure> failures = references.resolve(tenant, orders.stream().map(Parsed::draft).toList());
            List<NewOrder> valid = new ArrayList<>(orders.size());
            for (Parsed order : orders) {
                Failure failure = failures.get(order.draft());
                if (failure != null) {
                    intake.outcomes.add(Outcome.failed(order.queued().messageId(), order.queued().index(),
                            failure.code(), failure.message()));
                } else {
                    String id = Ids.next();
                    valid.add(new NewOrder(id, order.draft(), order.queued().origin()));
                    intake.outcomes.add(Outcome.completed(order.queued().messageId(), order.queued().index(), id));
                }
            }
            intake.valid.put(tenant, valid);
        });
    }

    /** The valid orders inserted with their lines, details and discounts, batched per table. */
    public void store(@ExchangeProperty(INTAKE) Intake intake) {
        Instant now = Dates.now();
        intake.valid.forEach((tenant, orders) -> store.insert(tenant, orders, now));
    }

    /** Every entry of the batch made final with its outcome. */
    public void finish(@ExchangeProperty(INTAKE) Intake intake) {
        statuses.finish(intake.outcomes);
        intake.outcomes.stream().filter(o -> o.code() >= 300).forEach(o -> LOG.info("Message {} entry {} failed: {} {}",
                o.messageId(), o.index(), o.code(), o.errorMessage()));
        LOG.debug("Stored {} of a batch of {} orders in {} ms", intake.valid.values().stream().mapToInt(List::size).sum(),
                intake.size, (System.nanoTime() - intake.started) / 1_000_000);
    }

    /** One order whose idRemote another writer stored after our check: its entry fails with 409. */
    public void duplicate(@Body List<Queued> batch) {
        transaction.executeWithoutResult(status -> statuses.finish(open(batch).stream()
                .map(order -> Outcome.failed(order.messageId(), order.index(), 409, DUPLICATE)).toList()));
    }

    /**
     * The intake's last word on a batch it could not store after every retry: its open entries
     * fail with code 500 (entries already final stay as they are). If even that cannot be
     * written, the entries stay pending with their payload and are queued again later.
     */
    public void failed(@Body Object body, @Headers Map<String, Object> headers,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        String messageId = String.valueOf(headers.get(OrderMessages.MESSAGE_ID));
        String why = Problems.of(failure).getMessage();
        List<Queued> batch;
        try {
            batch = body instanceof List<?> orders ? castOrders(orders) : orders(String.valueOf(body), headers);
        } catch (IllegalArgumentException notOrders) {
            LOG.error("Message {}: a queue message that is not one of orders ({}) failed: {}", messageId,
                    notOrders.getMessage(), why);
            return;
        }
        String indexes = batch.stream().map(o -> String.valueOf(o.index())).collect(Collectors.joining(","));
        try {
            transaction.executeWithoutResult(status -> statuses.finish(open(batch).stream()
                    .map(order -> Outcome.failed(order.messageId(), order.index(), 500, why)).toList()));
            LOG.error("Message {} entries {} failed after retries: {}", messageId, indexes, why);
        } catch (RuntimeException e) {
            LOG.error("Message {} entries {} could not be stored nor marked failed ({}); they stay pending",
                    messageId, indexes, e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Queued> castOrders(List<?> orders) {
        return (List<Queued>) orders;
    }

    /**
     * The batch's orders whose entries are still open, their entries locked until the caller's
     * transaction ends; a final or unknown entry (a redelivered batch) is left out.
     */
    private List<Queued> open(List<Queued> batch) {
        List<Queued> open = new ArrayList<>(batch.size());
        Map<String, List<Queued>> byMessage = batch.stream()
                .collect(Collectors.groupingBy(Queued::messageId, LinkedHashMap::new, Collectors.toList()));
        for (List<Queued> orders : byMessage.values()) {
            Set<Integer> indexes = statuses.lockOpen(orders.get(0).messageId(), orders.stream().map(Queued::index).toList());
            for (Queued order : orders) {
                if (indexes.contains(order.index())) {
                    open.add(order);
                } else {
                    LOG.debug("Message {} entry {} is final or unknown: redelivery ignored", order.messageId(),
                            order.index());
                }
            }
        }
        return open;
    }

    /** A batch on its way through store-orders: its checked orders by tenant, the valid ones, every outcome. */
    static final class Intake {
        private final int size;
        private final long started = System.nanoTime();
        private final Map<String, List<Parsed>> byTenant = new LinkedHashMap<>();
        private final Map<String, List<NewOrder>> valid = new LinkedHashMap<>();
        private final List<Outcome> outcomes = new ArrayList<>();

        Intake(int size) {
            this.size = size;
        }
    }

    private record Parsed(Queued queued, Draft draft, Failure failure) {
    }

    /**
     * The queued order again as a draft: its checked form, read back as it was written. A problem
     * here means it did not come through the API or a partner's file.
     */
    private static Parsed parse(Queued order) {
        try {
            return new Parsed(order, CheckedOrders.read(order.payload()), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(order, null, new Failure(400, "Order is not a checked order: " + e.getMessage()));
        }
    }
}
