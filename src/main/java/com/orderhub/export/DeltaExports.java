package com.orderhub.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.api.ApiProblem;
import com.orderhub.api.ApiRequest;
import com.orderhub.api.Dates;
import com.orderhub.config.FileEndpoints;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.db.Ids;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.metrics.HubMetrics;
import com.orderhub.order.OrderDocuments;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import com.orderhub.ingest.PartnerMappings;
import com.orderhub.ingest.PartnerMappings.Mapping;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delta-export routes' judgement (docs/deltas.md): a run numbers the changes committed since the
 * last run, reads the partner tenant's changes after its watermark, writes the orders' current
 * state and the tombstones of the deleted ones into one document, delivers it (file and/or
 * webhook), and only then moves the watermark. A failed delivery leaves it, so the next run
 * sends the same changes again (and any newer ones). A lease in {@code export_state} lets one
 * run at a time have a partner's export.
 * <p>
 * Which instance runs a slot of the cron is Quartz's decision: in prod its job store is clustered
 * (application-prod.yml), so each slot fires on one instance only. The lease stays for what
 * Quartz does not see: an operator's run (POST /export/{partner}/run) beside the scheduled one, a
 * run outlasting its slot, and the run of an instance killed mid-run, which holds the partner until
 * its lease ends.
 */
@Component("deltaExports")
public class DeltaExports {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaExports.class);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final int PAGE = 500;

    /** What one run did: delivered, found nothing, failed, or found another instance running it. */
    public enum Outcome { delivered, nothing, failed, busy }

    public record Run(Outcome outcome, int orders, int deleted, String file, String error) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OrderDocuments documents;
    private final ProducerTemplate producer;
    private final Webhook webhook;
    private final OrderHubProperties properties;
    private final Duration lease;
    /** Changes deleted per statement by {@link #pruneDelivered}. */
    private final int pruneChunk;
    private final PartnerMappings mappings;
    private final HubMetrics metrics;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final Map<String, Partner> exporting = new java.util.LinkedHashMap<>();
    private final Map<String, Mapping> outbound = new java.util.HashMap<>();
    private CamelContext camel;

    public DeltaExports(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, OrderDocuments documents,
            ProducerTemplate producer, Webhook webhook, OrderHubProperties properties, PartnerMappings mappings,
            HubMetrics metrics) {
        this.pruneChunk = properties.export().pruneChunk();
        this.mappings = mappings;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.documents = documents;
        this.producer = producer;
        this.webhook = webhook;
        this.properties = properties;
        this.lease = Duration.ofMillis(properties.export().leaseMs());
    }

    /**
     * Checks every partner's export at start-up, a half-configured one stopping the start, and
     * loads the outbound mappings; answers the partners that export.
     */
    public Map<String, Partner> prepare(CamelContext camel) {
        this.camel = camel;
        properties.partners().forEach((name, partner) -> {
            if (partner.export() == null) {
                return;
            }
            String key = "orderhub.partners." + name + ".export";
            boolean toFile = present(partner.export().outboxUri());
            boolean toWebhook = present(partner.export().webhookUrl());
            if (!toFile && !toWebhook) {
                throw new IllegalStateException(key + ": set outbox-uri, webhook-url or both");
            }
            if (toWebhook && !present(partner.export().hmacSecret())) {
                throw new IllegalStateException(key + ".hmac-secret: a webhook needs a secret to sign its bodies");
            }
            exporting.put(name, partner);
            mappings.outbound(camel, name, partner).ifPresent(mapping -> outbound.put(name, mapping));
            metrics.exportLag(name, () -> lagSeconds(name));
        });
        return Map.copyOf(exporting);
    }

    private final Instant started = Instant.now();

    /** Seconds since the partner's last successful run, or since this hub started if it has none. */
    private long lagSeconds(String partner) {
        List<Instant> success = jdbc.query(SqlFiles.get("export/state"), new MapSqlParameterSource("partner", partner),
                (rs, n) -> Rows.instant(rs, "last_success_at"));
        Instant since = success.isEmpty() || success.get(0) == null ? started : success.get(0);
        return Math.max(0, Duration.between(since, Instant.now()).toSeconds());
    }

    /**
     * The delta-export route: the run of one slot of the partner's cron, on whichever instance
     * Quartz fired it. The slot is logged (DEBUG) so a test can tell each slot ran once.
     */
    public Run scheduled(String partnerName, Date slot) {
        LOG.debug("Export of partner {}: the run of the slot at {}", partnerName, slot == null ? null : slot.toInstant());
        return run(partnerName, "schedule");
    }

    /** A run now, besides the schedule: an operator's (POST /export/{partner}/run). */
    public Run run(String partnerName) {
        return run(partnerName, "operator");
    }

    private Run run(String partnerName, String trigger) {
        Run run = attempt(partnerName);
        metrics.exportRun(partnerName, trigger, run.outcome().name());
        return run;
    }

    private Run attempt(String partnerName) {
        Partner partner = properties.partners().get(partnerName);
        Instant now = Dates.now();
        // the lease names the run, not only the instance: a run that outlived its lease cannot
        // settle the watermark of the run that took the partner over
        String owner = instance + "/" + Ids.next();
        MapSqlParameterSource state = new MapSqlParameterSource("partner", partnerName)
                .addValue("tenant", partner.tenant()).addValue("owner", owner)
                .addValue("now", Rows.param(now)).addValue("until", Rows.param(now.plus(lease)));
        try {
            jdbc.update(SqlFiles.get("export/insert-state"), state);
        } catch (DuplicateKeyException createdByAnotherInstanceMeanwhile) {
            // the row exists: that is all the insert wanted
        }
        // Not there to share the schedule (Quartz's cluster gives a slot to one instance): for an
        // operator's run meeting the scheduled one, a run longer than its slot, a killed run's lease
        if (jdbc.update(SqlFiles.get("export/take-lease"), state) == 0) {
            LOG.info("Export of partner {}: another run holds it, skipped", partnerName);
            return new Run(Outcome.busy, 0, 0, null, null);
        }
        long started = System.nanoTime();
        try {
            long watermark = jdbc.queryForObject(SqlFiles.get("export/state"), state, (rs, n) -> rs.getLong("watermark"));
            long upTo = sequenceChanges();
            Delta delta = read(partnerName, partner, watermark, upTo, now);
            try {
                String file = delta.isEmpty() ? null : deliver(partnerName, partner, delta);
                jdbc.update(SqlFiles.get("export/delivered"), state.addValue("watermark", delta.readUpTo)
                        .addValue("file", file).addValue("orders", delta.orders + delta.deleted.size()));
                if (delta.isEmpty()) {
                    return new Run(Outcome.nothing, 0, 0, null, null);
                }
                LOG.info("Export of partner {}: {} orders and {} deletions delivered{} in {} ms (changes {} to {})",
                        partnerName, delta.orders, delta.deleted.size(), file == null ? "" : " as " + file,
                        (System.nanoTime() - started) / 1_000_000, watermark + 1, delta.readUpTo);
                pruneDelivered(partner.tenant());
                return new Run(Outcome.delivered, delta.orders, delta.deleted.size(), file, null);
            } finally {
                delta.document.delete();
            }
        } catch (RuntimeException e) {
            String error = reason(e);
            jdbc.update(SqlFiles.get("export/failed"), state.addValue("error", truncate(error)));
            LOG.error("Export of partner {} failed, the next run sends the same changes again: {}", partnerName, error);
            return new Run(Outcome.failed, 0, 0, null, error);
        }
    }

    /**
     * Deletes the tenant's changes that every partner exporting its orders has received: each
     * export reads only the changes after its own watermark, so no export reads them again. The
     * partners are every export state of the tenant, so one taken out of this instance's
     * configuration (or known only to another instance) still holds back what it has not had;
     * and every partner configured here must have run once (a first run reads from the first
     * change kept). In chunks of their own transactions, so pruning a long history holds no long
     * locks. A failure is only logged: the delivery stands, and the next one prunes what is left.
     */
    private void pruneDelivered(String tenant) {
        try {
            Map<String, Long> watermarks = new HashMap<>();
            Set<String> untenanted = new LinkedHashSet<>();
            jdbc.query(SqlFiles.get("export/watermarks"), new MapSqlParameterSource("tenant", tenant), rs -> {
                watermarks.put(rs.getString("partner"), rs.getLong("watermark"));
                if (rs.getString("tenant") == null) {
                    untenanted.add(rs.getString("partner"));
                }
            });
            long upTo = Collections.min(watermarks.values());
            watermarks.forEach((name, watermark) -> {
                if ((untenanted.contains(name) || watermark == upTo) && !exporting.containsKey(name)
                        && forgotten.add(name)) {
                    LOG.warn("Partner {} exports nothing on this instance but its export state keeps delivered changes "
                            + "of tenant {}{}: delete its row in export_state if it is gone for good", name, tenant,
                            untenanted.contains(name) ? " and of every other (it names no tenant)" : "");
                }
            });
            boolean neverRun = exporting.entrySet().stream().anyMatch(partner ->
                    tenant.equals(partner.getValue().tenant()) && !watermarks.containsKey(partner.getKey()));
            if (neverRun || !untenanted.isEmpty()) {
                return;
            }
            MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenant).addValue("upTo", upTo)
                    .addValue("limit", pruneChunk);
            long deleted = 0;
            int chunk;
            do {
                chunk = jdbc.update(SqlFiles.get("export/prune-changes"), params);
                deleted += chunk;
            } while (chunk == pruneChunk);
            if (deleted > 0) {
                LOG.info("Changes of tenant {} that its {} partners have received: {} deleted (up to change {})",
                        tenant, watermarks.size(), deleted, upTo);
            }
        } catch (DataAccessException e) {
            LOG.warn("Could not delete the changes of tenant {} that its partners have received; the next delivery "
                    + "tries again: {}", tenant, e.getMessage());
        }
    }

    /** Partners not configured here that were found holding changes back, each warned of once. */
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    /**
     * Numbers the changes committed since the last pass, under the sequencer lock, and says the
     * highest number: every change committed later gets a higher one.
     */
    private long sequenceChanges() {
        // the partners of this instance take turns here rather than at the database's row lock:
        // H2 gives up on a lock after its timeout (one second) while PostgreSQL waits, and several
        // partners' crons firing in one second would fail their runs for nothing
        sequencing.lock();
        try {
            return transaction.execute(tx -> {
                jdbc.getJdbcTemplate().queryForList(SqlFiles.get("export/lock-sequencer"));
                jdbc.getJdbcTemplate().update(SqlFiles.get("export/sequence-changes"));
                return jdbc.getJdbcTemplate().queryForObject(SqlFiles.get("export/last-change"), Long.class);
            });
        } finally {
            sequencing.unlock();
        }
    }

    private final java.util.concurrent.locks.ReentrantLock sequencing = new java.util.concurrent.locks.ReentrantLock();

    /** The document of one run, on disk: its orders are written as they are read, a page at a time. */
    private static final class Delta {
        final File document;
        int orders;
        final List<ObjectNode> deleted = new ArrayList<>();
        long readUpTo;

        Delta(File document, long watermark) {
            this.document = document;
            this.readUpTo = watermark;
        }

        boolean isEmpty() {
            return orders == 0 && deleted.isEmpty();
        }
    }

    private Delta read(String partnerName, Partner partner, long watermark, long upTo, Instant now) {
        String tenant = partner.tenant();
        int max = partner.export().maxOrdersPerRun();
        Delta delta;
        try {
            delta = new Delta(Files.createTempFile("orderhub-export", ".json").toFile(), watermark);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // the orders of this run, so an order changed twice is sent once
            Set<String> seen = new LinkedHashSet<>();
            try (JsonGenerator json = ApiJson.MAPPER.getFactory().createGenerator(delta.document, JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeStringField("partner", partnerName);
                json.writeStringField("exportedAt", now.toString());
                json.writeArrayFieldStart("orders");
                while (seen.size() < max) {
                    List<Object[]> changes = jdbc.query(SqlFiles.get("export/changes-after"),
                            new MapSqlParameterSource("tenant", tenant).addValue("after", delta.readUpTo)
                                    .addValue("upTo", upTo).addValue("limit", PAGE),
                            (rs, n) -> new Object[] {rs.getString("order_id"), rs.getLong("seq")});
                    if (changes.isEmpty()) {
                        delta.readUpTo = upTo; // nothing more of this tenant up to the bound
                        break;
                    }
                    List<String> page = new ArrayList<>();
                    for (Object[] change : changes) {
                        if (seen.size() == max) {
                            break;
                        }
                        if (seen.add((String) change[0])) {
                            page.add((String) change[0]);
                        }
                        delta.readUpTo = (Long) change[1];
                    }
                    writePage(tenant, page, json, delta);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("deleted");
                for (ObjectNode tombstone : delta.deleted) {
                    json.writeTree(tombstone);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            return delta;
        } catch (IOException | RuntimeException e) {
            delta.document.delete(); // a run that could not read leaves no half-written document behind
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The current state of each order of the page, or its tombstone if it was deleted since. */
    private void writePage(String tenant, List<String> ids, JsonGenerator json, Delta delta) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>(ids);
        for (OrderDocuments.StoredOrder order : documents.load(tenant, ids)) {
            order.write(json);
            missing.remove(order.id());
            delta.orders++;
        }
        if (!missing.isEmpty()) {
            jdbc.query(SqlFiles.get("export/tombstones-of"),
                    new MapSqlParameterSource("tenant", tenant).addValue("ids", missing), rs -> {
                        ObjectNode tombstone = ApiJson.object();
                        tombstone.put("id", rs.getString("id"));
                        tombstone.put("idRemote", rs.getString("id_remote"));
                        tombstone.put("deletedAt", Rows.instant(rs, "deleted_at").toString());
                        delta.deleted.add(tombstone);
                    });
        }
    }

    /**
     * File first, then webhook: the watermark moves only if every configured delivery succeeded.
     * The file is in the partner's format when its mapping folder has an outbound.ds; the
     * webhook always gets the document of docs/deltas.md.
     */
    private String deliver(String partnerName, Partner partner, Delta delta) {
        String file = null;
        if (present(partner.export().outboxUri())) {
            Mapping mapping = outbound.get(partnerName);
            file = "orders-" + FILE_STAMP.format(Instant.now()) + "." + (mapping == null ? "json" : mapping.extension());
            Object body = delta.document;
            if (mapping != null) {
                try {
                    body = mapping.apply(camel, Files.readString(delta.document.toPath()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            String uri = partner.export().outboxUri();
            producer.sendBodyAndHeader(FileEndpoints.writingAsPart(uri, file), body, Exchange.FILE_NAME, file);
        }
        if (present(partner.export().webhookUrl())) {
            webhook.post(partnerName, partner.export(), delta.document.toPath());
        }
        return file;
    }

    /** GET /export/status: the export of each partner of the caller's tenant. */
    public void status(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        List<ObjectNode> partners = new ArrayList<>();
        exporting.forEach((name, partner) -> {
            if (partner.tenant().equals(request.tenant())) {
                partners.add(state(name, partner));
            }
        });
        request.ok(ApiJson.dataOf(partners));
    }

    /** POST /export/{partner}/run: a run now, answered with what it did. */
    public void runNow(Exchange exchange) {
        ApiRequest request = ApiRequest.of(exchange);
        String name = request.pathParam("partner");
        Partner partner = exporting.get(name);
        if (partner == null || !partner.tenant().equals(request.tenant())) {
            throw new ApiProblem(404, "No export for partner " + name + ".");
        }
        Run run = run(name);
        ObjectNode answer = ApiJson.object();
        answer.put("partner", name);
        answer.put("outcome", run.outcome().name());
        answer.put("orders", run.orders());
        answer.put("deleted", run.deleted());
        answer.put("file", run.file());
        answer.put("error", run.error());
        answer.set("export", state(name, partner));
        request.ok(answer);
    }

    private ObjectNode state(String name, Partner partner) {
        ObjectNode state = ApiJson.object();
        state.put("partner", name);
        state.put("cron", partner.export().cron());
        List<ObjectNode> rows = jdbc.query(SqlFiles.get("export/state"), new MapSqlParameterSource("partner", name),
                (rs, n) -> {
                    ObjectNode row = ApiJson.object();
                    row.put("watermark", rs.getLong("watermark"));
                    row.put("lastRunAt", text(Rows.instant(rs, "last_run_at")));
                    row.put("lastSuccessAt", text(Rows.instant(rs, "last_success_at")));
                    row.put("lastFile", rs.getString("last_file"));
                    row.put("lastError", rs.getString("last_error"));
                    row.put("running", Rows.instant(rs, "lease_until") != null);
                    row.put("exportedOrders", rs.getLong("exported_orders"));
                    row.put("failedRuns", rs.getLong("failed_runs"));
                    return row;
                });
        long watermark = rows.isEmpty() ? 0 : rows.get(0).path("watermark").asLong();
        if (rows.isEmpty()) {
            state.put("watermark", 0);
            state.putNull("lastRunAt");
            state.putNull("lastSuccessAt");
        } else {
            state.setAll(rows.get(0));
        }
        state.put("pendingChanges", jdbc.queryForObject(SqlFiles.get("export/pending-count"),
                new MapSqlParameterSource("tenant", partner.tenant()).addValue("after", watermark), Long.class));
        return state;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * What went wrong, for the operator: each cause's own words ("Cannot connect to sftp://...:
     * reject HostKey: ..."), without the wrapper Camel puts around a failed exchange.
     */
    static String reason(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.apache.camel.CamelExecutionException) {
                continue;
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (parts.isEmpty() || !parts.get(parts.size() - 1).contains(message)) {
                parts.add(message);
            }
        }
        return parts.isEmpty() ? failure.toString() : String.join(": ", parts);
    }

    private static String truncate(String error) {
        return error.length() <= 4000 ? error : error.substring(0, 4000);
    }
}
