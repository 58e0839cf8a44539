package com.orderhub.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.orderhub.api.ApiJson;
import com.orderhub.api.Dates;
import com.orderhub.config.FileEndpoints;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import com.orderhub.metrics.HubMetrics;
import com.orderhub.status.MessageStatuses;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Result files for the ERP (docs/files-from-erps.md): {@code <file>.result.json} in the partner's results
 * location, written under a temporary name and renamed when complete. A rejected file gets one
 * at once, saying why; an accepted one when every order of it is final, with its status entries.
 */
@Component("resultFiles")
public class ResultFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ResultFiles.class);

    private final ProducerTemplate producer;
    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate transaction;
    private final OrderHubProperties properties;

    private final HubMetrics metrics;

    private final MessageStatuses statuses;
    /** A claim to write a result file older than this was made by an instance that died before writing it. */
    private final java.time.Duration claimLease;

    public ResultFiles(ProducerTemplate producer, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
            OrderHubProperties properties, HubMetrics metrics, MessageStatuses statuses) {
        this.metrics = metrics;
        this.statuses = statuses;
        this.claimLease = properties.ingest().lease();
        this.producer = producer;
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        fetching.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.transaction = transaction;
        this.properties = properties;
    }

    /**
     * A file rejected whole (not well-formed, or not readable by its mapping): its result file
     * says why at once. Called by the file-ingest routes' error handler (routes/ingest-errors.yaml).
     */
    public void rejected(Exchange exchange) {
        String partner = exchange.getMessage().getHeader(FileIngest.PARTNER, String.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage();
        LOG.warn("File {} of partner {} rejected: {}", fileName, partner, why);
        metrics.file(partner, "rejected");
        String claimed = exchange.getMessage().getHeader(InboxFiles.MESSAGE_ID, String.class);
        if (claimed != null) {
            // no order of a rejected file is queued: its claimed message goes, and the same bytes
            // dropped again are rejected again for the same reason
            statuses.forget(claimed);
        }
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("partner", partner);
        result.put("file", fileName);
        result.put("status", "rejected");
        result.put("error", why);
        result.put("data", List.of());
        sendDocument(partner, fileName, result);
    }

    /**
     * A file of the same bytes as an earlier one of the partner (InboxFiles): nothing of it is
     * stored again, and its result file names the earlier file, when it was taken and its message.
     */
    public void duplicate(Exchange exchange) {
        String partner = exchange.getMessage().getHeader(FileIngest.PARTNER, String.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String earlierFile = exchange.getMessage().getHeader(InboxFiles.EARLIER_FILE, String.class);
        java.time.Instant takenAt = exchange.getMessage().getHeader(InboxFiles.EARLIER_TAKEN_AT, java.time.Instant.class);
        String messageId = exchange.getMessage().getHeader(InboxFiles.MESSAGE_ID, String.class);
        LOG.info("File {} of partner {} has the same bytes as {}, taken at {} (message {}): nothing stored again",
                fileName, partner, earlierFile, takenAt, messageId);
        metrics.file(partner, "duplicate");
        Map<String, Object> earlier = new java.util.LinkedHashMap<>();
        earlier.put("file", earlierFile);
        earlier.put("takenAt", takenAt.toString());
        earlier.put("messageId", messageId);
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("partner", partner);
        result.put("file", fileName);
        result.put("status", "duplicate");
        result.put("duplicateOf", earlier);
        result.put("error", "The file has the same bytes as " + earlierFile + ", taken at " + takenAt
                + ": nothing of it is stored again");
        result.put("data", List.of());
        sendDocument(partner, fileName, result);
    }

    private void sendDocument(String partner, String fileName, Map<String, Object> result) {
        try {
            send(partner, fileName, ApiJson.MAPPER.writeValueAsBytes(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file whose orders are all final, its result file claimed by this instance. */
    public record Due(String messageId, String partner, String fileName) {
    }

    /** Headers of a result file on its way, for the write-result-files route. */
    static final String RESULTS_URI = "OrderHubResultsUri";
    static final String COMPLETED = "OrderHubResultCompleted";
    static final String FAILED = "OrderHubResultFailed";

    /** The files whose orders are all final, each claimed first, so one instance writes its result file. */
    public List<Due> due() {
        java.time.Instant now = Dates.now();
        MapSqlParameterSource stale = new MapSqlParameterSource("staleBefore", Rows.param(now.minus(claimLease)));
        List<Due> due = jdbc.query(SqlFiles.get("status/results-due"), stale,
                (rs, n) -> new Due(rs.getString("message_id"), rs.getString("partner"), rs.getString("file_name")));
        List<Due> claimed = new java.util.ArrayList<>(due.size());
        for (Due message : due) {
            MapSqlParameterSource id = claim(message, now, stale);
            if (jdbc.queryForObject(SqlFiles.get("status/count-open-entries"), id, Long.class) == 0
                    && jdbc.update(SqlFiles.get("status/claim-result"), id) == 1) {
                claimed.add(message);
            }
        }
        return claimed;
    }

    private static MapSqlParameterSource claim(Due message, java.time.Instant now, MapSqlParameterSource stale) {
        return new MapSqlParameterSource("messageId", message.messageId()).addValue("now", Rows.param(now))
                .addValue("staleBefore", stale.getValue("staleBefore"));
    }

    /**
     * The result file of a due file, written to a temporary file as its entries stream from the
     * database; the headers say where it goes and what it counts.
     */
    public File document(@Body Due due, @Headers Map<String, Object> headers) throws IOException {
        headers.put(InboxFiles.MESSAGE_ID, due.messageId());
        headers.put(FileIngest.PARTNER, due.partner());
        headers.put(Exchange.FILE_NAME_ONLY, due.fileName());
        String resultName = due.fileName() + ".result.json";
        headers.put(Exchange.FILE_NAME, resultName);
        headers.put(RESULTS_URI, FileEndpoints.writingAsPart(properties.partners().get(due.partner()).resultsUri(),
                resultName));
        File temp = Files.createTempFile("orderhub-result", ".json").toFile();
        int[] counts = new int[2];
        try (JsonGenerator json = ApiJson.MAPPER.getFactory().createGenerator(temp, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("partner", due.partner());
            json.writeStringField("file", due.fileName());
            json.writeStringField("messageId", due.messageId());
            json.writeStringField("status", "done");
            json.writeArrayFieldStart("data");
            // PostgreSQL streams rows (fetch size) only inside a transaction: a file of a
            // million orders must not have its million entries in memory at once.
            transaction.executeWithoutResult(tx -> streaming.query(SqlFiles.get("status/entries-of"),
                    new MapSqlParameterSource("messageId", due.messageId()), rs -> {
                try {
                    json.writeStartObject();
                    json.writeNumberField("index", rs.getInt("entry_index"));
                    json.writeStringField("idRemote", rs.getString("id_remote"));
                    json.writeStringField("id", rs.getString("order_id"));
                    String status = rs.getString("status");
                    json.writeStringField("status", status);
                    int code = rs.getInt("code");
                    if (rs.wasNull()) {
                        json.writeNullField("code");
                    } else {
                        json.writeNumberField("code", code);
                    }
                    json.writeStringField("errorMessage", rs.getString("error_message"));
                    json.writeEndObject();
                    counts[status.equals("completed") ? 0 : 1]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            json.writeEndArray();
            json.writeNumberField("completed", counts[0]);
            json.writeNumberField("failed", counts[1]);
            json.writeEndObject();
        } catch (IOException | RuntimeException e) {
            temp.delete();
            throw e;
        }
        temp.setReadable(true, false);
        headers.put(COMPLETED, counts[0]);
        headers.put(FAILED, counts[1]);
        return temp;
    }

    /** The result file is in the partner's results location: so recorded, and the temporary file gone. */
    public void written(@Body File temp, @Header(InboxFiles.MESSAGE_ID) String messageId,
            @Header(FileIngest.PARTNER) String partner, @Header(Exchange.FILE_NAME_ONLY) String fileName,
            @Header(COMPLETED) int completed, @Header(FAILED) int failed) {
        temp.delete();
        jdbc.update(SqlFiles.get("status/result-written"), new MapSqlParameterSource("messageId", messageId)
                .addValue("now", Rows.param(Dates.now())));
        LOG.info("Result file of {} for partner {} written: {} completed, {} failed", fileName, partner, completed,
                failed);
    }

    /** The result file could not be written: its claim is released, so the next round tries again. */
    public void notWritten(@Body Object body, @Header(InboxFiles.MESSAGE_ID) String messageId,
            @Header(FileIngest.PARTNER) String partner, @Header(Exchange.FILE_NAME_ONLY) String fileName,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        if (body instanceof File temp) {
            temp.delete();
        }
        jdbc.update(SqlFiles.get("status/release-result"), new MapSqlParameterSource("messageId", messageId));
        LOG.error("Result file of {} for partner {} not written, will retry: {}", fileName, partner,
                String.valueOf(failure));
    }

    private void send(String partner, String fileName, Object body) {
        String uri = properties.partners().get(partner).resultsUri();
        String resultName = fileName + ".result.json";
        producer.sendBodyAndHeader(FileEndpoints.writingAsPart(uri, resultName), body, Exchange.FILE_NAME, resultName);
    }
}
