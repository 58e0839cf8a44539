package com.orderhub.ingest;

import com.orderhub.api.Dates;
import com.orderhub.api.Digests;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.db.Ids;
import com.orderhub.db.Rows;
import com.orderhub.db.SqlFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the hub knows of a file it has just taken (docs/files-from-erps.md), by its bytes: a partner's file is
 * made into one message per content, claimed here before anything of it is read (unique
 * partner and SHA-256). The file-ingest route goes on by what this says, in header
 * {@code OrderHubFileSeen}:
 * <ul>
 * <li>{@code new}: never seen; its message is claimed (header {@code OrderHubMessageId}).</li>
 * <li>{@code unfinished}: this very file was being read when its hub stopped (same name, its
 *     orders not all queued, and this instance holds its lease now): it is read again and
 *     finished where it stopped.</li>
 * <li>{@code queued}: this very file (same name, size and time), already queued in full, found
 *     again because the hub stopped before moving it to .done: it moves now, and its result
 *     file is (written) again.</li>
 * <li>{@code duplicate}: the same bytes as an earlier file (another name, or a new upload):
 *     nothing of it is stored again, and its result file says which file it repeats.</li>
 * </ul>
 */
@Component("inboxFiles")
public class InboxFiles {

    private static final Logger LOG = LoggerFactory.getLogger(InboxFiles.class);

    public static final String SEEN = "OrderHubFileSeen";
    public static final String MESSAGE_ID = "OrderHubMessageId";
    static final String EARLIER_FILE = "OrderHubEarlierFile";
    static final String EARLIER_TAKEN_AT = "OrderHubEarlierTakenAt";

    private final NamedParameterJdbcTemplate jdbc;
    private final OrderHubProperties properties;

    public InboxFiles(NamedParameterJdbcTemplate jdbc, OrderHubProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A message of a file, as recorded. */
    private record Earlier(String messageId, String fileName, Long size, Long modified, Instant takenAt,
            boolean queued, boolean answered) {
    }

    public void identify(Exchange exchange) throws IOException {
        String partner = exchange.getMessage().getHeader(FileIngest.PARTNER, String.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Long size = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        Long modified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        File file = localFile(exchange, partner, fileName);
        exchange.getMessage().setBody(file);
        String sha256 = Digests.sha256Hex(file.toPath());
        String messageId = Ids.next();
        MapSqlParameterSource claim = new MapSqlParameterSource("messageId", messageId)
                .addValue("tenant", properties.partners().get(partner).tenant()).addValue("origin", "file:" + fileName)
                .addValue("orderCount", 0).addValue("now", Rows.param(Dates.now())).addValue("partner", partner)
                .addValue("fileName", fileName).addValue("sha256", sha256).addValue("size", size)
                .addValue("modified", modified);
        try {
            jdbc.update(SqlFiles.get("status/insert-file-message"), claim);
            exchange.getMessage().setHeader(SEEN, "new");
            exchange.getMessage().setHeader(MESSAGE_ID, messageId);
            return;
        } catch (DuplicateKeyException seenBefore) {
            // the same bytes were taken before: which file, and how far it got, says what this is
        }
        Earlier earlier = earlier(partner, sha256);
        String seen;
        if (earlier.fileName().equals(fileName) && !earlier.queued()) {
            seen = "unfinished";
            LOG.warn("File {} of partner {} was being read when its hub stopped: finishing message {}", fileName,
                    partner, earlier.messageId());
        } else if (earlier.fileName().equals(fileName) && earlier.queued() && equal(earlier.size(), size)
                && equal(earlier.modified(), modified)) {
            seen = "queued";
        } else {
            seen = "duplicate";
            exchange.getMessage().setHeader(EARLIER_FILE, earlier.fileName());
            exchange.getMessage().setHeader(EARLIER_TAKEN_AT, earlier.takenAt());
        }
        exchange.getMessage().setHeader(SEEN, seen);
        exchange.getMessage().setHeader(MESSAGE_ID, earlier.messageId());
    }

    /**
     * A file found again whole after its hub stopped between queueing it and moving it: nothing
     * is queued again; its result file comes (again, if it was written already) once its orders
     * are final.
     */
    public void foundAgain(Exchange exchange) {
        String messageId = exchange.getMessage().getHeader(MESSAGE_ID, String.class);
        jdbc.update(SqlFiles.get("status/rewrite-result"), new MapSqlParameterSource("messageId", messageId));
        LOG.info("File {} of partner {} found again, its orders queued already (message {}): moved to .done",
                exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY), exchange.getMessage().getHeader(FileIngest.PARTNER),
                messageId);
    }

    private Earlier earlier(String partner, String sha256) {
        List<Earlier> found = jdbc.query(SqlFiles.get("status/find-file-message"),
                new MapSqlParameterSource("partner", partner).addValue("sha256", sha256),
                (rs, n) -> new Earlier(rs.getString("message_id"), rs.getString("file_name"), Rows.longOrNull(rs, "file_size"),
                        Rows.longOrNull(rs, "file_modified"), Rows.instant(rs, "created_at"),
                        rs.getObject("queued_at") != null, rs.getObject("result_written_at") != null));
        if (found.isEmpty()) {
            throw new IllegalStateException("The message of file content " + sha256 + " of partner " + partner
                    + " is gone since its claim failed; the file is taken again at the next poll");
        }
        return found.get(0);
    }

    private static boolean equal(Long recorded, Long now) {
        return recorded == null ? now == null : recorded.equals(now);
    }

    /**
     * The file as a local file: the file component's own, a remote inbox's copy in its
     * localWorkDirectory, or a copy of the remote stream under {@code <data-dir>/work/<partner>},
     * removed when the file is done with (and overwritten if it is taken again after a crash).
     */
    private File localFile(Exchange exchange, String partner, String fileName) throws IOException {
        Object body = exchange.getMessage().getBody();
        if (body instanceof GenericFile<?> generic && generic.getFile() instanceof File f) {
            return f;
        }
        File file = exchange.getMessage().getBody(File.class);
        if (file != null && file.isFile()) {
            return file;
        }
        Path folder = Files.createDirectories(Path.of(properties.dataDir(), "work", partner));
        Path copy = folder.resolve(fileName);
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IllegalStateException(e);
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return copy.toFile();
    }
}
