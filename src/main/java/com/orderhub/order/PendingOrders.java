package com.orderhub.order;

import com.orderhub.api.Dates;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.order.OrderMessages.Queued;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Accepted orders whose entries stay pending are queued again from the JSON kept with the entry:
 * in the embedded profile every one at start-up (the in-JVM queue died with the JVM), and in any
 * profile those untouched for {@code orderhub.intake.stuck-after} while the queue is empty (their
 * queue message was lost: a purged queue, a failure that could not even be recorded). The intake
 * skips an entry that turns out final, so an order queued twice is still stored once.
 */
@Component("pendingOrders")
public class PendingOrders {

    private static final Logger LOG = LoggerFactory.getLogger(PendingOrders.class);
    private static final int CHUNK = 500;
    /** The queue-orders route (order-queue.yaml). */
    static final String QUEUE_ORDERS = "direct:queue-orders";

    private final NamedParameterJdbcTemplate jdbc;
    private final QueueDepth queue;
    private final ProducerTemplate queueOrders;
    private final OrderHubProperties.Queue.Kind kind;
    private final Duration stuckAfter;

    public PendingOrders(NamedParameterJdbcTemplate jdbc, QueueDepth queue, ProducerTemplate queueOrders,
            OrderHubProperties properties) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.queueOrders = queueOrders;
        this.kind = properties.queue().kind();
        this.stuckAfter = properties.intake().stuckAfter();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void requeueAfterStart() {
        if (kind != OrderHubProperties.Queue.Kind.seda) {
            return; // RabbitMQ kept them
        }
        Thread requeue = new Thread(() -> {
            int queued = requeue(Dates.now().plusSeconds(1));
            if (queued > 0) {
                LOG.info("Queued again {} accepted orders that were not stored when the hub last stopped", queued);
            }
        }, "orderhub-requeue");
        requeue.setDaemon(true);
        requeue.start();
    }

    /** The stuck-entries route's step: answers how many orders it queued again. */
    public int requeueStuck() {
        if (queue.waiting() > 0) {
            return 0; // entries still wait behind a backlog: they are not stuck
        }
        int queued = requeue(Dates.now().minus(stuckAfter));
        if (queued > 0) {
            LOG.warn("Queued again {} accepted orders pending for over {} with nothing left in the queue", queued,
                    stuckAfter);
        }
        return queued;
    }

    /**
     * Queues again the open entries of one message: a file taken again after its hub stopped
     * mid-read, whose last recorded chunk may never have reached the queue. Answers how many.
     */
    public int requeueMessage(String messageId) {
        Instant before = Dates.now().plusSeconds(1);
        return requeue("status/open-entries-of", new MapSqlParameterSource("messageId", messageId)
                .addValue("before", Rows.param(before)), before);
    }

    /** Queues again every open entry untouched since {@code before}; answers how many. */
    int requeue(Instant before) {
        return requeue("status/stuck-entries", new MapSqlParameterSource("before", Rows.param(before)), before);
    }

    private int requeue(String entries, MapSqlParameterSource params, Instant before) {
        List<Queued> chunk = new ArrayList<>(CHUNK);
        int[] total = {0};
        jdbc.query(SqlFiles.get(entries), params, rs -> {
            chunk.add(new Queued(rs.getString("tenant"), rs.getString("message_id"), rs.getInt("entry_index"),
                    rs.getString("origin"), rs.getString("payload")));
            if (chunk.size() == CHUNK) {
                total[0] += flush(chunk, before);
            }
        });
        total[0] += flush(chunk, before);
        return total[0];
    }

    /** Queues the entries of the chunk that this instance takes (another may have taken some). */
    private int flush(List<Queued> chunk, Instant before) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Instant now = Dates.now();
        int[] touched = jdbc.batchUpdate(SqlFiles.get("status/touch-entry"), chunk.stream()
                .map(order -> new MapSqlParameterSource("messageId", order.messageId()).addValue("index", order.index())
                        .addValue("now", Rows.param(now)).addValue("before", Rows.param(before)))
                .toArray(MapSqlParameterSource[]::new));
        List<Queued> taken = new ArrayList<>(chunk.size());
        for (int i = 0; i < touched.length; i++) {
            if (touched[i] != 0) {
                taken.add(chunk.get(i));
            }
        }
        chunk.clear();
        if (!taken.isEmpty()) {
            queueOrders.requestBody(QUEUE_ORDERS, taken);
        }
        return taken.size();
    }
}
