package com.orderhub.order;

import com.orderhub.db.SqlFiles;
import com.orderhub.order.OrderMessages.Queued;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded profile's promise: the in-JVM queue dies with the JVM, so at start-up every
 * accepted order whose entry is not final is queued again from the JSON kept with its entry. The
 * intake skips an entry that turns out final, so an order queued twice is still stored once.
 */
@Component
@ConditionalOnProperty(name = "orderhub.queue.kind", havingValue = "seda", matchIfMissing = true)
public class PendingOrders {

    private static final Logger LOG = LoggerFactory.getLogger(PendingOrders.class);
    private static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final OrderQueue queue;

    public PendingOrders(NamedParameterJdbcTemplate jdbc, OrderQueue queue) {
        this.jdbc = jdbc;
        this.queue = queue;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void requeueAfterStart() {
        Thread requeue = new Thread(this::requeue, "orderhub-requeue");
        requeue.setDaemon(true);
        requeue.start();
    }

    /** Queues every open entry again; answers how many. */
    public int requeue() {
        List<Queued> chunk = new ArrayList<>(CHUNK);
        int[] total = {0};
        jdbc.query(SqlFiles.get("status/open-entries"), new MapSqlParameterSource(), rs -> {
            chunk.add(new Queued(rs.getString("tenant"), rs.getString("message_id"), rs.getInt("entry_index"),
                    rs.getString("origin"), rs.getString("payload")));
            if (chunk.size() == CHUNK) {
                total[0] += flush(chunk);
            }
        });
        total[0] += flush(chunk);
        if (total[0] > 0) {
            LOG.info("Queued again {} accepted orders that were not stored when the hub last stopped", total[0]);
        }
        return total[0];
    }

    private int flush(List<Queued> chunk) {
        int size = chunk.size();
        if (size > 0) {
            queue.publish(List.copyOf(chunk));
            chunk.clear();
        }
        return size;
    }
}
