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
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperties;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The judgement of the export-changes route (delta-export.yaml, docs/deltas.md): a run takes the
 * partner's lease, {@link ExportDocuments} writes the partner tenant's changes after its watermark
 * into one document, the route sends it to the outbox and/or {@link ExportDelivery} to the
 * webhook, and only then the watermark moves and {@link ExportPruning} deletes what every partner
 * has received. A failed delivery leaves the watermark, so the next run sends
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
    private final ProducerTemplate producer;
    private final ExportDelivery delivery;
    private final ExportPruning pruning;
    private final OrderHubProperties properties;
    private final HubMetrics metrics;
    private final Duration lease;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final Instant started = Instant.now();
    private final Map<String, Partner> exporting = new LinkedHashMap<>();

    public DeltaExports(NamedParameterJdbcTemplate jdbc, ExportDelivery delivery, ExportPruning pruning,
            OrderHubProperties properties, HubMetrics metrics, ProducerTemplate producer) {
        this.jdbc = jdbc;
        this.producer = producer;
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

    /** Headers of a run's exchange: whose export, and who asked for it (schedule or operator). */
    public static final String PARTNER = "OrderHubPartner";
    public static final String TRIGGER = "OrderHubExportTrigger";
    /** Exchange property: the run, from one step of export-changes to the next. */
    static final String RUN = "OrderHubExportRun";
    static final String EXPORT_CHANGES = "direct:export-changes";

    /** A run on its way through the export-changes route. */
    public static final class ExportRun {
        final String partnerName;
        final Partner partner;
        final String trigger;
        final Instant now;
        final long started = System.nanoTime();
        final MapSqlParameterSource state;
        boolean leased;
        long watermark;
        Delta delta;
        String file;
        Run result;

        ExportRun(String partnerName, Partner partner, String trigger, Instant now, MapSqlParameterSource state) {
            this.partnerName = partnerName;
            this.now = now;
            this.partner = partner;
            this.trigger = trigger;
            this.state = state;
        }

        public boolean isLeased() {
            return leased;
        }

        public boolean hasChanges() {
            return delta != null && !delta.isEmpty();
        }
    }

    /** A run now, besides the schedule: an operator's (POST /export/{partner}/run), through the same route. */
    public Run run(String partnerName) {
        return producer.requestBodyAndHeaders(EXPORT_CHANGES, null, Map.of(PARTNER, partnerName, TRIGGER, "operator"),
                Run.class);
    }

    /**
     * The run's first step: the partner's lease, which another run may hold (then this one is
     * busy and does nothing), and the watermark it starts from. A scheduled run logs its slot
     * (DEBUG), so a test can tell each slot ran once.
     */
    public void lease(@Header(PARTNER) String partnerName, @Header(TRIGGER) String trigger,
            @Header("scheduledFireTime") Date slot, @ExchangeProperties Map<String, Object> exchange) {
        if (slot != null) {
            LOG.debug("Export of partner {}: the run of the slot at {}", partnerName, slot.toInstant());
        }
        Partner partner = properties.partners().get(partnerName);
        Instant now = Dates.now();
        // the lease names the run, not only the instance: a run that outlived its lease cannot
        // settle the watermark of the run that took the partner over
        String owner = instance + "/" + Ids.next();
        MapSqlParameterSource state = new MapSqlParameterSource("partner", partnerName)
                .addValue("tenant", partner.tenant()).addValue("owner", owner)
                .addValue("now", Rows.param(now)).addValue("until", Rows.param(now.plus(lease)));
        ExportRun run = new ExportRun(partnerName, partner, trigger, now, state);
        exchange.put(RUN, run);
        try {
            jdbc.update(SqlFiles.get("export/insert-state"), state);
        } catch (DuplicateKeyException createdByAnotherInstanceMeanwhile) {
            // the row exists: that is all the insert wanted
        }
        run.leased = jdbc.update(SqlFiles.get("export/take-lease"), state) == 1;
        if (!run.leased) {
            LOG.info("Export of partner {}: another run holds it, skipped", partnerName);
            run.result = new Run(Outcome.busy, 0, 0, null, null);
            return;
        }
        run.watermark = jdbc.queryForObject(SqlFiles.get("export/state"), state, (rs, n) -> rs.getLong("watermark"));
    }

    /** Delivered (or nothing to deliver): the watermark moves to the last change sent, and what all have is pruned. */
    public void delivered(@ExchangeProperty(RUN) ExportRun run) {
        Delta delta = run.delta;
        jdbc.update(SqlFiles.get("export/delivered"), run.state.addValue("watermark", delta.readUpTo)
                .addValue("file", run.file).addValue("orders", delta.orders + delta.deleted.size()));
        if (delta.isEmpty()) {
            run.result = new Run(Outcome.nothing, 0, 0, null, null);
            return;
        }
        LOG.info("Export of partner {}: {} orders and {} deletions delivered{} in {} ms (changes {} to {})",
                run.partnerName, delta.orders, delta.deleted.size(), run.file == null ? "" : " as " + run.file,
                (System.nanoTime() - run.started) / 1_000_000, run.watermark + 1, delta.readUpTo);
        pruning.pruneDelivered(run.partner.tenant(), exporting);
        run.result = new Run(Outcome.delivered, delta.orders, delta.deleted.size(), run.file, null);
    }

    /** The run failed: the watermark stays, so the next run sends the same changes again. */
    public void failed(@ExchangeProperty(RUN) ExportRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        String error = reason(e);
        jdbc.update(SqlFiles.get("export/failed"), run.state.addValue("error", truncate(error)));
        LOG.error("Export of partner {} failed, the next run sends the same changes again: {}", run.partnerName, error);
        run.result = new Run(Outcome.failed, 0, 0, null, error);
    }

    /** The run's document is gone, whatever the run did. */
    public void cleanup(@ExchangeProperty(RUN) ExportRun run) {
        if (run.delta != null) {
            run.delta.document.delete();
        }
    }

    /** The run's last step: counted by partner, trigger and outcome, and answered. */
    public Run outcome(@ExchangeProperty(RUN) ExportRun run) {
        metrics.exportRun(run.partnerName, run.trigger, run.result.outcome().name());
        return run.result;
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
