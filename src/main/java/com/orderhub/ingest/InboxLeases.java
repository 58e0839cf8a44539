package com.orderhub.ingest;

import com.orderhub.api.Dates;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.Ids;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which instance is taking which file of an inbox, in the database every instance shares (table
 * inbox_lease): a file is read by one instance at a time, on whatever kind of inbox. The holder
 * renews its leases every third of {@code orderhub.ingest.lease}; an instance killed mid-file
 * renews nothing, and its files are taken again (by a restarted hub or another instance) once
 * their leases have run out: the file-ingest route then finishes what the dead one started.
 */
@Component
public class InboxLeases implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxLeases.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration lease;
    /** This instance, for as long as it runs: a restarted hub is another holder. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + Ids.next();
    private final AtomicInteger held = new AtomicInteger();
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "orderhub-inbox-leases");
        thread.setDaemon(true);
        return thread;
    });

    public InboxLeases(NamedParameterJdbcTemplate jdbc, OrderHubProperties properties) {
        this.jdbc = jdbc;
        this.lease = properties.ingest().lease();
        long every = Math.max(1, lease.toMillis() / 3);
        renewal.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Takes the partner's file for this instance; false while another instance holds it. */
    public boolean take(String partner, String fileName) {
        Instant now = Dates.now();
        MapSqlParameterSource params = params(partner, fileName).addValue("now", Rows.param(now))
                .addValue("until", Rows.param(now.plus(lease)));
        boolean taken;
        try {
            taken = jdbc.update(SqlFiles.get("ingest/insert-lease"), params) == 1;
        } catch (DuplicateKeyException heldAlready) {
            taken = jdbc.update(SqlFiles.get("ingest/take-lease"), params) == 1;
            if (taken) {
                LOG.warn("File {} of partner {}: its last holder stopped before it was done; taking it over",
                        fileName, partner);
            }
        }
        if (taken) {
            held.incrementAndGet();
        }
        return taken;
    }

    /** Lets the file go: it is done with (moved away), or left for the next poll. */
    public void release(String partner, String fileName) {
        if (jdbc.update(SqlFiles.get("ingest/release-lease"), params(partner, fileName)) == 1) {
            held.decrementAndGet();
        }
    }

    private MapSqlParameterSource params(String partner, String fileName) {
        return new MapSqlParameterSource("partner", partner).addValue("fileName", fileName).addValue("owner", owner);
    }

    private void renew() {
        if (held.get() <= 0) {
            return;
        }
        try {
            jdbc.update(SqlFiles.get("ingest/renew-leases"), new MapSqlParameterSource("owner", owner)
                    .addValue("until", Rows.param(Dates.now().plus(lease))));
        } catch (DataAccessException e) {
            // the database is away: the files stay held until the lease runs out, then are taken again
            LOG.warn("Could not renew the leases of the files being taken: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        renewal.shutdownNow();
    }
}
