package com.orderhub.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.ApiProblem;
import com.orderhub.api.ApiRequest;
import com.orderhub.api.Page;
import com.orderhub.api.PageRequest;
import com.orderhub.db.Rows;
import com.orderhub.metrics.HubMetrics;
import com.orderhub.db.SqlFiles;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of an accepted message: one entry per order, {@code pending} until the intake makes
 * it {@code completed} (with the order's hub id) or {@code failed} (with the HTTP code the error
 * would have had and its message). Read back at {@code GET /message/status/{messageId}}.
 */
@Component("messageStatuses")
public class MessageStatuses {

    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /** One order of a message as accepted: its idRemote and its JSON. */
    public record Entry(String idRemote, String payload) {
    }

    /** What accepting a message did: its id, and whether it is new (false: an idempotent replay). */
    public record Accepted(String messageId, boolean isNew) {
    }

    /** How one entry ended. */
    public record Outcome(String messageId, int index, String orderId, int code, String errorMessage) {

        public static Outcome completed(String messageId, int index, String orderId) {
            return new Outcome(messageId, index, orderId, 201, null);
        }

        public static Outcome failed(String messageId, int index, int code, String errorMessage) {
            return new Outcome(messageId, index, null, code, errorMessage);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final HubMetrics metrics;

    public MessageStatuses(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, HubMetrics metrics) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    /**
     * Records a message and its pending entries in one transaction. With an idempotency key, a
     * key seen in the last 24 h with the same body answers that message again (nothing new is
     * recorded); with another body it is a 422.
     */
    public Accepted accept(String tenant, String origin, List<Entry> entries, String idempotencyKey, String bodySha256,
            String newMessageId) {
        try {
            return transaction.execute(status -> {
                Instant now = com.orderhub.api.Dates.now();
                if (idempotencyKey != null) {
                    Optional<Accepted> earlier = earlier(tenant, idempotencyKey, bodySha256, now);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                jdbc.update(SqlFiles.get("status/insert-message"), new MapSqlParameterSource()
                        .addValue("messageId", newMessageId).addValue("tenant", tenant).addValue("origin", origin)
                        .addValue("orderCount", entries.size()).addValue("now", Rows.param(now)));
                MapSqlParameterSource[] rows = new MapSqlParameterSource[entries.size()];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = entryRow(newMessageId, i, entries.get(i), null, now);
                }
                jdbc.batchUpdate(SqlFiles.get("status/insert-entry"), rows);
                metrics.accepted("api", rows.length);
                if (idempotencyKey != null) {
                    jdbc.update(SqlFiles.get("status/insert-idempotency-key"), new MapSqlParameterSource()
                            .addValue("tenant", tenant).addValue("key", idempotencyKey)
                            .addValue("bodySha256", bodySha256).addValue("messageId", newMessageId)
                            .addValue("now", Rows.param(now)));
                }
                return new Accepted(newMessageId, true);
            });
        } catch (DuplicateKeyException sameKeyAtTheSameTime) {
            // another request with this key committed first: answer as it was answered
            return earlier(tenant, idempotencyKey, bodySha256, com.orderhub.api.Dates.now()).orElseThrow(() -> sameKeyAtTheSameTime);
        }
    }

    private static MapSqlParameterSource entryRow(String messageId, int index, Entry entry, Outcome failure,
            Instant now) {
        return new MapSqlParameterSource().addValue("messageId", messageId).addValue("index", index)
                .addValue("idRemote", entry.idRemote(), Types.VARCHAR)
                .addValue("payload", failure == null ? entry.payload() : null, Types.VARCHAR)
                .addValue("status", failure == null ? "pending" : "failed")
                .addValue("code", failure == null ? null : failure.code(), Types.INTEGER)
                .addValue("errorMessage", failure == null ? null : failure.errorMessage(), Types.VARCHAR)
                .addValue("now", Rows.param(now));
    }

    /**
     * The first read of a claimed file's message has counted its orders: records the count and
     * answers how many entries the message has already (more than none when the file is taken
     * again after its hub stopped mid-read: those orders are recorded, and are not read again).
     */
    public int fileCounted(String messageId, int orderCount) {
        MapSqlParameterSource params = new MapSqlParameterSource("messageId", messageId).addValue("orderCount", orderCount);
        jdbc.update(SqlFiles.get("status/count-file-orders"), params);
        return jdbc.queryForObject(SqlFiles.get("status/count-entries"), params, Integer.class);
    }

    /**
     * Records entries of a message from its first index on: pending ones (to be queued) and the
     * ones already failed (their outcome given), in one transaction.
     */
    public void addEntries(String messageId, int firstIndex, List<Entry> entries, Map<Integer, Outcome> failures) {
        Instant now = com.orderhub.api.Dates.now();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[entries.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = entryRow(messageId, firstIndex + i, entries.get(i), failures.get(firstIndex + i), now);
        }
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate(SqlFiles.get("status/insert-entry"), rows);
            metrics.accepted("file", entries.size() - failures.size());
            metrics.finished(List.copyOf(failures.values()));
        });
    }

    /** Every order of the file has its entry: its result is due once they are all final. */
    public void fileQueued(String messageId) {
        jdbc.update(SqlFiles.get("status/mark-file-queued"), new MapSqlParameterSource("messageId", messageId)
                .addValue("now", Rows.param(com.orderhub.api.Dates.now())));
    }

    private Optional<Accepted> earlier(String tenant, String key, String bodySha256, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenant).addValue("key", key)
                .addValue("expiredBefore", Rows.param(now.minus(IDEMPOTENCY_WINDOW)));
        jdbc.update(SqlFiles.get("status/delete-idempotency-key"), params);
        List<String[]> found = jdbc.query(SqlFiles.get("status/find-idempotency-key"), params,
                (rs, n) -> new String[] {rs.getString("body_sha256"), rs.getString("message_id")});
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!found.get(0)[0].equals(bodySha256)) {
            throw new ApiProblem(422, "Idempotency-Key " + key + " was already used with a different body");
        }
        return Optional.of(new Accepted(found.get(0)[1], false));
    }

    /** Undoes {@link #accept}: the message, its entries and its idempotency key are gone. */
    public void forget(String messageId) {
        transaction.executeWithoutResult(status -> {
            MapSqlParameterSource params = new MapSqlParameterSource("messageId", messageId);
            jdbc.update(SqlFiles.get("status/delete-message-key"), params);
            jdbc.update(SqlFiles.get("status/delete-entries"), params);
            jdbc.update(SqlFiles.get("status/delete-message"), params);
        });
    }

    /**
     * Locks these entries of one message inside the caller's transaction (until it ends) and
     * answers the indexes of those still open (pending); final or unknown entries are left out.
     */
    public Set<Integer> lockOpen(String messageId, List<Integer> indexes) {
        Set<Integer> wanted = new HashSet<>(indexes);
        Set<Integer> open = new HashSet<>();
        jdbc.query(SqlFiles.get("status/lock-entries"), new MapSqlParameterSource("messageId", messageId)
                .addValue("first", Collections.min(indexes)).addValue("last", Collections.max(indexes)),
                (RowCallbackHandler) rs -> {
                    int index = rs.getInt("entry_index");
                    String status = rs.getString("status");
                    if (wanted.contains(index) && (status.equals("pending") || status.equals("processing"))) {
                        open.add(index);
                    }
                });
        return open;
    }

    /**
     * Makes entries final, inside the caller's transaction, in one statement. The caller holds
     * their locks and knows them open ({@link #lockOpen}), so each of them is finished here and
     * counted once; an entry final already would be left as it is.
     */
    public void finish(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.update(SqlFiles.get("status/finish-entries"), new MapSqlParameterSource()
                .addValue("messageIds", outcomes.stream().map(Outcome::messageId).toArray(String[]::new))
                .addValue("indexes", outcomes.stream().map(Outcome::index).toArray(Integer[]::new))
                .addValue("orderIds", outcomes.stream().map(Outcome::orderId).toArray(String[]::new))
                .addValue("codes", outcomes.stream().map(Outcome::code).toArray(Integer[]::new))
                .addValue("errorMessages", outcomes.stream().map(Outcome::errorMessage).toArray(String[]::new))
                .addValue("now", Rows.param(com.orderhub.api.Dates.now())));
        metrics.finished(outcomes);
    }

    /** GET /message/status/{messageId}: the entries in the order sent, paged. */
    public void statusPage(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        PageRequest page = request.page();
        String messageId = request.pathParam("messageId");
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", request.tenant())
                .addValue("messageId", messageId).addValue("limit", page.probeLimit()).addValue("offset", page.offset());
        List<Long> counts = jdbc.query(SqlFiles.get("status/find-message"), params, (rs, n) -> rs.getLong("order_count"));
        if (counts.isEmpty()) {
            throw ApiProblem.notFound("Message", messageId);
        }
        List<ObjectNode> entries = jdbc.query(SqlFiles.get("status/page"), params, (rs, n) -> {
            ObjectNode entry = ApiJson.object();
            entry.put("index", rs.getInt("entry_index"));
            entry.put("idRemote", rs.getString("id_remote"));
            entry.put("id", rs.getString("order_id"));
            entry.put("status", rs.getString("status"));
            int code = rs.getInt("code");
            entry.put("code", rs.wasNull() ? null : code);
            entry.put("errorMessage", rs.getString("error_message"));
            return entry;
        });
        boolean more = entries.size() > page.pageSize();
        Page result = Page.of(more ? entries.subList(0, page.pageSize()) : entries, counts.get(0), more);
        request.ok(result.document(page, request.urlWith(Map.of("page", String.valueOf(page.page() + 1)))));
    }
}
