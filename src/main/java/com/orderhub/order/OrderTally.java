package com.orderhub.order;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.SqlFiles;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many orders a tenant has, and how many in each day, minute and second of createdAt, exactly
 * and without counting them: database triggers add rows to {@code order_count_delta} in every
 * transaction that inserts or deletes orders (migration V8 and its vendor parts), and a timer folds
 * them into {@code order_count}, one row per bucket, so a sum reads a handful of rows however large
 * the order book and however fast orders arrive.
 */
@Component("orderTally")
public class OrderTally {

    private static final Logger LOG = LoggerFactory.getLogger(OrderTally.class);

    /** Rows a tenant's tally may be spread over before a fold gathers them. */
    static final int FOLD_ABOVE = 16;

    /** The first, cheap, limit of {@link #updatedSince}'s counts: well under a millisecond. */
    static final long FIRST_LIMIT = 1000;

    /**
     * The grains counted, in seconds per bucket: the whole book (0), a day, a minute, a second. A
     * bucket is the epoch second it starts at (0 for the whole book).
     */
    public static final List<Integer> GRAINS = List.of(0, 86400, 60, 1);

    /** Rows one fold transaction gathers: bounds its lock list and the size of its IN list. */
    static final int FOLD_CHUNK = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final long countLimit;

    public OrderTally(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
            OrderHubProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.countLimit = properties.reads().countLimit();
    }

    /** The tenant's number of orders. */
    public long orders(String tenant) {
        Long total = jdbc.queryForObject(SqlFiles.get("order/tally"), new MapSqlParameterSource("tenant", tenant),
                (rs, n) -> rs.getLong("total"));
        return total == null ? 0 : total;
    }

    /**
     * Where the tenant's orders from {@code offset} on begin (0 is the oldest), by (createdAt, id),
     * found by the day, minute and second counts rather than by passing the orders before it.
     */
    public Position position(String tenant, long offset) {
        return jdbc.queryForObject(SqlFiles.get("order/page-position"),
                new MapSqlParameterSource("tenant", tenant).addValue("offset", offset), (rs, n) -> {
                    Long second = rs.getObject("bucket", Long.class);
                    return new Position(rs.getLong("total"), second == null ? null : Instant.ofEpochSecond(second),
                            rs.getLong("before"));
                });
    }

    /**
     * A place in a tenant's orders: their total, the start of the second that holds the place
     * ({@code null} past the last order), and how many orders are older than that second.
     */
    public record Position(long total, Instant second, long before) {
    }

    /**
     * The tenant's number of orders with updatedAt ≥ date, exact. Both sides of the date are
     * counted to a limit, {@value #FIRST_LIMIT} index entries first, then eight times more each
     * round up to {@code orderhub.reads.count-limit}, so a round costs at most twice its limit and
     * the rounds together a small multiple of the smaller side. The side under the limit answers:
     * a recent date by the few orders since it, an early one (the feed's default, every walk from
     * the start) by the tally minus the few before it. Only a date with more than the limit on
     * both sides pays for a full count of the orders since.
     */
    public long updatedSince(String tenant, OffsetDateTime date) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenant).addValue("date", date);
        for (long limit = Math.min(FIRST_LIMIT, countLimit); ; limit = Math.min(limit * 8, countLimit)) {
            Map<String, Object> sides = jdbc.queryForMap(SqlFiles.get("order/count-updated-sides"),
                    params.addValue("limit", limit));
            long since = ((Number) sides.get("since_date")).longValue();
            long before = ((Number) sides.get("before_date")).longValue();
            if (since < limit) {
                return since;
            }
            if (before < limit) {
                return ((Number) sides.get("total")).longValue() - before;
            }
            if (limit == countLimit) {
                return count("order/count-updated", params);
            }
        }
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long count = jdbc.queryForObject(SqlFiles.get(sql), params, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Adds each tenant's tally rows to its bucket counts (route fold-order-tally). Each chunk is one
     * transaction: the rows it read are locked, summed per bucket into {@code order_count} and
     * deleted, so a reader sees them before or after, never half. A fold that fails leaves the rows
     * as they were: a count is exact folded or not.
     */
    public void fold() {
        foldAbove(FOLD_ABOVE);
    }

    /** Folds the tally of each tenant whose rows are more than {@code above}. */
    void foldAbove(int above) {
        List<String> tenants = jdbc.queryForList(SqlFiles.get("order/tally-spread"),
                new MapSqlParameterSource("atMost", above), String.class);
        for (String tenant : tenants) {
            try {
                int gathered;
                do {
                    Integer rows = transaction.execute(status -> foldChunk(tenant));
                    gathered = rows == null ? 0 : rows;
                } while (gathered >= FOLD_CHUNK);
            } catch (DataAccessException e) {
                // the sum is exact folded or not; the next run tries again
                LOG.warn("Could not fold the order tally of tenant {}: {}", tenant, e.getMessage());
            }
        }
    }

    private int foldChunk(String tenant) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenant).addValue("limit", FOLD_CHUNK);
        List<Long> ids = new ArrayList<>();
        Map<List<Long>, Long> sums = new LinkedHashMap<>();
        jdbc.query(SqlFiles.get("order/tally-lock"), params, rs -> {
            ids.add(rs.getLong("id"));
            sums.merge(List.of(rs.getLong("grain"), rs.getLong("bucket")), rs.getLong("delta"), Long::sum);
        });
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate(SqlFiles.get("order/count-fold"), sums.entrySet().stream()
                .filter(sum -> sum.getValue() != 0)
                .map(sum -> new MapSqlParameterSource("tenant", tenant).addValue("grain", sum.getKey().get(0))
                        .addValue("bucket", sum.getKey().get(1)).addValue("orders", sum.getValue()))
                .toArray(MapSqlParameterSource[]::new));
        jdbc.update(SqlFiles.get("order/tally-delete"), new MapSqlParameterSource("ids", ids));
        return ids.size();
    }
}
