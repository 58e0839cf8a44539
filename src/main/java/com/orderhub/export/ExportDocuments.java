package com.orderhub.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.order.OrderDocuments;
import java.io.File;
import org.apache.camel.ExchangeProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document of an export run: the changes of the partner's tenant after its watermark, each
 * order once in its current state, or its tombstone if it was deleted since, written to a file as
 * they are read, a page at a time, so a large backlog never sits in memory.
 */
@Component
public class ExportDocuments {

    static final int PAGE = 500;

    /** The document of one run, on disk, and how far into the changes it reaches. */
    static final class Delta {
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

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OrderDocuments documents;
    /**
     * The partners of this instance take turns numbering changes rather than at the database's
     * row lock: H2 gives up on a lock after its timeout (one second) while PostgreSQL waits, and
     * several partners' crons firing in one second would fail their runs for nothing.
     */
    private final ReentrantLock sequencing = new ReentrantLock();

    public ExportDocuments(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, OrderDocuments documents) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.documents = documents;
    }

    /**
     * The export-changes route's step: the document of the run's changes after its watermark, up
     * to the last change committed now.
     */
    public File changes(@ExchangeProperty(DeltaExports.RUN) DeltaExports.ExportRun run) {
        long upTo = sequenceChanges();
        run.delta = read(run.partnerName, run.partner, run.watermark, upTo, run.now);
        return run.delta.document;
    }

    /**
     * Numbers the changes committed since the last pass, under the sequencer lock, and says the
     * highest number: every change committed later gets a higher one.
     */
    long sequenceChanges() {
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

    /** The partner's changes after {@code watermark} up to {@code upTo}, at most its orders per run. */
    Delta read(String partnerName, Partner partner, long watermark, long upTo, Instant now) {
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
}
