package com.orderhub.order;

import com.orderhub.db.SqlFiles;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many orders a tenant has, exactly and without counting them: the sum of the tenant's rows
 * in {@code order_tally}, which database triggers add to in every transaction that inserts or
 * deletes orders (migrations V7, V7_1). The rows are folded into one by a timer, so a sum reads a
 * handful of rows however large the order book and however fast orders arrive.
 */
@Component("orderTally")
public class OrderTally {

    private static final Logger LOG = LoggerFactory.getLogger(OrderTally.class);

    /** Rows a tenant's tally may be spread over before a fold gathers them. */
    static final int FOLD_ABOVE = 16;

    /** The first, cheap, limit of {@link #updatedSince}'s counts: well under a millisecond. */
    static final long FIRST_LIMIT = 1000;

    /** Rows one fold transaction gathers: bounds its lock list and the size of its IN list. */
    static final int FOLD_CHUNK = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final long countLimit;

    public OrderTally(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
            @Value("${orderhub.reads.count-limit:50000}") long countLimit) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.countLimit = countLimit;
    }

    /** The tenant's number of orders. */
    public long orders(String tenant) {
        Long total = jdbc.queryForObject(SqlFiles.get("order/tally"), new MapSqlParameterSource("tenant", tenant),
                (rs, n) -> rs.getLong("total"));
        return total == null ? 0 : total;
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
     * Gathers each tenant's tally rows into one (route fold-order-tally). Each chunk is one
     * transaction: the rows it read are locked, deleted and replaced by their sum, so a reader sees
     * the tally before or after, never half of it. A fold that fails leaves the rows as they were.
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
        List<long[]> rows = jdbc.query(SqlFiles.get("order/tally-lock"), params,
                (rs, n) -> new long[] {rs.getLong("id"), rs.getLong("delta")});
        if (rows.size() < 2) {
            return rows.size();
        }
        long sum = rows.stream().mapToLong(row -> row[1]).sum();
        jdbc.update(SqlFiles.get("order/tally-delete"),
                new MapSqlParameterSource("ids", rows.stream().map(row -> row[0]).toList()));
        jdbc.update(SqlFiles.get("order/tally-insert"), new MapSqlParameterSource("tenant", tenant).addValue("delta", sum));
        return rows.size();
    }
}
