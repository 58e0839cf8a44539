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
 * The order-intake route's judgement: checks the references of a queued batch of orders and
 * stores them with their lines, details, discounts and status entries in one transaction, with
 * an outcome per order (a bad reference or a duplicate fails that order alone). If the batch's
 * transaction fails for a reason the checks did not see (a write raced by another writer, a
 * value the database refuses), its orders are stored one by one, so only the order at fault is
 * retried. An entry that is already final (a redelivered batch) is left alone: never a second
 * order, never a completed entry turned into a 409.
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

    /** One queue message: a batch of orders of one accepted message. */
    public void intake(Exchange exchange) {
        Message message = exchange.getMessage();
        intake(OrderMessages.orders(message::getHeader, message.getBody(String.class)));
    }

    /** Any number of queued orders: one transaction, an outcome per order. */
    public void intake(List<Queued> batch) {
        long started = System.nanoTime();
        try {
            int stored = transaction.execute(status -> store(batch));
            LOG.debug("Stored {} of a batch of {} orders in {} ms", stored, batch.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                LOG.info("A batch of {} orders could not be stored together ({}); storing them one by one",
                        batch.size(), Problems.of(e).getMessage());
                RuntimeException first = null;
                for (Queued order : batch) {
                    try {
                        intake(List.of(order));
                    } catch (RuntimeException alone) {
                        // the others still get their chance; the batch is retried for this one
                        first = first == null ? alone : first;
                    }
                }
                if (first != null) {
                    throw first;
                }
            } else if (e instanceof DuplicateKeyException) {
                // another writer stored an order with this idRemote after our check
                transaction.executeWithoutResult(status -> statuses.finish(open(batch).stream()
                        .map(order -> Outcome.failed(order.messageId(), order.index(), 409, DUPLICATE)).toList()));
            } else {
                throw e;
            }
        }
    }

    /**
     * The intake's last word on a batch it could not store after every retry: its open entries
     * fail with code 500 (entries already final stay as they are). If even that cannot be
     * written, the entries stay pending with their payload and are queued again at the next start.
     */
    public void failed(Exchange exchange) {
        Message message = exchange.getMessage();
        List<Queued> batch = OrderMessages.orders(message::getHeader, message.getBody(String.class));
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = Problems.of(failure).getMessage();
        String messageId = message.getHeader(OrderMessages.MESSAGE_ID, String.class);
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

    /** Stores the batch's open orders; answers how many were stored. */
    private int store(List<Queued> batch) {
        Instant now = Dates.now();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, List<Parsed>> byTenant = new LinkedHashMap<>();
        for (Queued order : open(batch)) {
            Parsed parsed = parse(order);
            if (parsed.failure() != null) {
                outcomes.add(Outcome.failed(order.messageId(), order.index(), parsed.failure().code(),
                        parsed.failure().message()));
            } else {
                byTenant.computeIfAbsent(order.tenant(), t -> new ArrayList<>()).add(parsed);
            }
        }
        int[] stored = {0};
        byTenant.forEach((tenant, orders) -> stored[0] += storeTenant(tenant, orders, now, outcomes));
        statuses.finish(outcomes);
        outcomes.stream().filter(o -> o.code() >= 300).forEach(o -> LOG.info("Message {} entry {} failed: {} {}",
                o.messageId(), o.index(), o.code(), o.errorMessage()));
        return stored[0];
    }

    private int storeTenant(String tenant, List<Parsed> orders, Instant now, List<Outcome> outcomes) {
        Set<String> taken = new HashSet<>(jdbc.queryForList(SqlFiles.get("order/existing-id-remotes"),
                new MapSqlParameterSource("tenant", tenant)
                        .addValue("idRemotes", orders.stream().map(p -> p.draft().idRemote()).toArray(String[]::new)),
                String.class));
        taken.remove(null);
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
        return valid.size();
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
