package com.orderhub.ingest;

import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.metrics.HubMetrics;
import com.orderhub.order.CheckedOrders;
import com.orderhub.order.Draft;
import com.orderhub.order.OrderMessages.Queued;
import com.orderhub.order.OrderShape;
import com.orderhub.order.PendingOrders;
import com.orderhub.status.MessageStatuses;
import com.orderhub.status.MessageStatuses.Entry;
import com.orderhub.status.MessageStatuses.Outcome;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperties;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The file-ingest route's judgement (docs/files-from-erps.md): a partner's file of orders is read
 * as a stream twice (after {@link InboxFiles} has read it for its SHA-256). {@link #count} only
 * checks that it is well-formed and counts the orders, so a broken file is rejected before any
 * of its orders is queued. {@link #chunks} then reads it again for the route's streaming split,
 * {@value #CHUNK} orders at a time: each chunk's orders get their status entries
 * ({@link #record}) and go to the same queue as the REST API's; an order of the wrong shape fails
 * on its own with code 400.
 */
@Component("fileIngest")
public class FileIngest {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngest.class);

    public static final String PARTNER = "OrderHubPartner";
    /** Headers set by {@link #count}: the file's orders, and the first of them without an entry. */
    static final String ORDERS = "OrderHubFileOrders";
    static final String FROM = "OrderHubFileFrom";
    /** Exchange property: the file's {@link FileChunks}, for the last step's counts. */
    static final String CHUNKS = "OrderHubFileChunks";
    static final int CHUNK = 500;
    static final int PROGRESS_EVERY = 100_000;

    private final MessageStatuses statuses;
    private final OrderHubProperties properties;
    private final HubMetrics metrics;
    private final PendingOrders pending;

    public FileIngest(MessageStatuses statuses, OrderHubProperties properties, HubMetrics metrics,
            PendingOrders pending) {
        this.statuses = statuses;
        this.properties = properties;
        this.metrics = metrics;
        this.pending = pending;
    }

    /**
     * Checks the file whose message {@link InboxFiles#identify} has claimed and records how many
     * orders it holds. A file taken again after its hub stopped mid-read goes on from its first
     * order without an entry; the ones before it are queued again where still open.
     */
    public void count(@Body File file, @Header(PARTNER) String partnerName,
            @Header(Exchange.FILE_NAME_ONLY) String fileName, @Header(InboxFiles.MESSAGE_ID) String messageId,
            @Headers Map<String, Object> headers) {
        int count = OrderFile.check(file);
        int recorded = statuses.fileCounted(messageId, count);
        if (recorded > 0) {
            LOG.info("File {} of partner {}: message {}, {} orders, {} recorded before its hub stopped ({} of "
                    + "them queued again)", fileName, partnerName, messageId, count, recorded,
                    pending.requeueMessage(messageId));
        } else {
            LOG.info("File {} of partner {}: message {}, {} orders", fileName, partnerName, messageId, count);
        }
        headers.put(ORDERS, count);
        headers.put(FROM, recorded);
    }

    /** The orders of the file without an entry yet, a chunk at a time, for the route's streaming split. */
    public FileChunks chunks(@Body File file, @Header(PARTNER) String partnerName,
            @Header(Exchange.FILE_NAME_ONLY) String fileName, @Header(InboxFiles.MESSAGE_ID) String messageId,
            @Header(ORDERS) int count, @Header(FROM) int from, @ExchangeProperties Map<String, Object> exchange) {
        Partner partner = properties.partners().get(partnerName);
        FileChunks chunks = new FileChunks(OrderFile.chunks(file, from, CHUNK), messageId, partner.tenant(),
                fileName, count);
        exchange.put(CHUNKS, chunks);
        return chunks;
    }

    /** Records the chunk's status entries; answers its well-shaped orders, for the queue. */
    public List<Queued> record(@Body Chunk chunk) {
        statuses.addEntries(chunk.messageId(), chunk.first(), chunk.entries(), chunk.failures());
        return chunk.valid();
    }

    /** The file's last step: every order of it has an entry and the valid ones are on the queue. */
    public void queued(@Header(PARTNER) String partnerName, @Header(Exchange.FILE_NAME_ONLY) String fileName,
            @Header(InboxFiles.MESSAGE_ID) String messageId, @ExchangeProperty(CHUNKS) FileChunks chunks) {
        statuses.fileQueued(messageId);
        metrics.file(partnerName, "queued");
        LOG.info("File {} of partner {} queued: {} orders ({} refused for their shape) in {} ms", fileName,
                partnerName, chunks.count, chunks.refused, (System.nanoTime() - chunks.started) / 1_000_000);
    }

    /** Orders of a file read together: their status entries (a failure for each refused one) and the valid ones. */
    public record Chunk(String messageId, int first, List<Entry> entries, Map<Integer, Outcome> failures,
            List<Queued> valid) {
    }

    /** The file's orders as chunks, each order's shape checked as it is read. */
    public static final class FileChunks implements Iterator<Chunk>, Closeable {
        private final OrderFile.Chunks orders;
        private final String messageId;
        private final String tenant;
        private final String fileName;
        private final String origin;
        private final int count;
        private final long started = System.nanoTime();
        private int refused;

        FileChunks(OrderFile.Chunks orders, String messageId, String tenant, String fileName, int count) {
            this.orders = orders;
            this.messageId = messageId;
            this.tenant = tenant;
            this.fileName = fileName;
            this.origin = "file:" + fileName;
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return orders.hasNext();
        }

        @Override
        public Chunk next() {
            List<OrderFile.Indexed> read = orders.next();
            List<Entry> entries = new ArrayList<>(read.size());
            Map<Integer, Outcome> failures = new HashMap<>();
            List<Queued> valid = new ArrayList<>(read.size());
            for (OrderFile.Indexed order : read) {
                FieldErrors errors = new FieldErrors();
                Draft draft = OrderShape.forCreate(new Fields(order.order(), "", errors));
                if (!errors.isEmpty()) {
                    entries.add(new Entry(draft.idRemote(), null));
                    failures.put(order.index(), Outcome.failed(messageId, order.index(), 400, errors.first()));
                    refused++;
                } else {
                    String payload = CheckedOrders.write(draft);
                    entries.add(new Entry(draft.idRemote(), payload));
                    valid.add(new Queued(tenant, messageId, order.index(), origin, payload));
                }
                if ((order.index() + 1) % PROGRESS_EVERY == 0) {
                    LOG.info("File {}: {} of {} orders read", fileName, order.index() + 1, count);
                }
            }
            return new Chunk(messageId, read.get(0).index(), entries, failures, valid);
        }

        @Override
        public void close() throws IOException {
            orders.close();
        }
    }
}
