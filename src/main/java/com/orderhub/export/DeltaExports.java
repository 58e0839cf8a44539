package com.orderhub.export;

import com.orderhub.api.Dates;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.db.Ids;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.export.ExportDocuments.Delta;
import com.orderhub.metrics.HubMetrics;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The delta-export routes' judgement (docs/deltas.md): a run takes the partner's lease, numbers
 * the changes committed since the last run, has {@link ExportDocuments} write the partner
 * tenant's changes after its watermark into one document, has {@link ExportDelivery} deliver it
 * (file and/or webhook), and only then moves the watermark and has {@link ExportPruning} delete
 * what every partner has received. A failed delivery leaves the watermark, so the next run sends
 * the same changes again (and any newer ones).
 * <p>
 * Which instance runs a slot of the cron is Quartz's decision: in prod its job store is clustered
 * (application-prod.yml), so each slot fires on one instance only. The lease in
 * {@code export_state} stays for what Quartz does not see: an operator's run (POST
 * /export/{partner}/run) beside the scheduled one, a run outlasting its slot, and the run of an
 * instance killed mid-run, which holds the partner until its lease ends.
 */
@Component("deltaExports")
public class DeltaExports {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaExports.class);

    /** What one run did: delivered, found nothing, failed, or found another run holding the partner. */
    public enum Outcome { delivered, nothing, failed, busy }

    public record Run(Outcome outcome, int orders, int deleted, String file, String error) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ExportDocuments documents;
    private final ExportDelivery delivery;
    private final ExportPruning pruning;
    private final OrderHubProperties properties;
    private final HubMetrics metrics;
    private final Duration lease;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final Instant started = Instant.now();
    private final Map<String, Partner> exporting = new LinkedHashMap<>();

    public DeltaExports(NamedParameterJdbcTemplate jdbc, ExportDocuments documents, ExportDelivery delivery,
            ExportPruning pruning, OrderHubProperties properties, HubMetrics metrics) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.delivery = delivery;
        this.pruning = pruning;
        this.properties = properties;
        this.metrics = metrics;
        this.lease = Duration.ofMillis(properties.export().leaseMs());
    }

    /**
     * Checks every partner's export at start-up, a half-configured one stopping the start, and
     * loads the outbound mappings; answers the partners that export.
     */
    public Map<String, Partner> prepare(CamelContext camel) {
        properties.partners().forEach((name, partner) -> {
            if (partner.export() == null) {
                return;
            }
            String key = "orderhub.partners." + name + ".export";
            boolean toFile = ExportDelivery.present(partner.export().outboxUri());
            boolean toWebhook = ExportDelivery.present(partner.export().webhookUrl());
            if (!toFile && !toWebhook) {
                throw new IllegalStateException(key + ": set outbox-uri, webhook-url or both");
            }
            if (toWebhook && !ExportDelivery.present(partner.export().hmacSecret())) {
                throw new IllegalStateException(key + ".hmac-secret: a webhook needs a secret to sign its bodies");
            }
            exporting.put(name, partner);
            delivery.prepare(camel, name, partner);
            metrics.exportLag(name, () -> lagSeconds(name));
        });
        return exporting();
    }

    /** The partners that export from this instance. */
    public Map<String, Partner> exporting() {
        return Map.copyOf(exporting);
    }

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
        if (jdbc.update(SqlFiles.get("export/take-lease"), state) == 0) {
            LOG.info("Export of partner {}: another run holds it, skipped", partnerName);
            return new Run(Outcome.busy, 0, 0, null, null);
        }
        long started = System.nanoTime();
        try {
            long watermark = jdbc.queryForObject(SqlFiles.get("export/state"), state, (rs, n) -> rs.getLong("watermark"));
            long upTo = documents.sequenceChanges();
            Delta delta = documents.read(partnerName, partner, watermark, upTo, now);
            try {
                String file = delta.isEmpty() ? null : delivery.deliver(partnerName, partner, delta);
                jdbc.update(SqlFiles.get("export/delivered"), state.addValue("watermark", delta.readUpTo)
                        .addValue("file", file).addValue("orders", delta.orders + delta.deleted.size()));
                if (delta.isEmpty()) {
                    return new Run(Outcome.nothing, 0, 0, null, null);
                }
                LOG.info("Export of partner {}: {} orders and {} deletions delivered{} in {} ms (changes {} to {})",
                        partnerName, delta.orders, delta.deleted.size(), file == null ? "" : " as " + file,
                        (System.nanoTime() - started) / 1_000_000, watermark + 1, delta.readUpTo);
                pruning.pruneDelivered(partner.tenant(), exporting);
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
     * What went wrong, for the operator: each cause's own words ("Cannot connect to sftp://...:
     * reject HostKey: ..."), without the wrapper Camel puts around a failed exchange.
     */
    static String reason(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CamelExecutionException) {
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
