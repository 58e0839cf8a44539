package com.orderhub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.FieldErrors;
import com.orderhub.api.Fields;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.metrics.HubMetrics;
import com.orderhub.order.CheckedOrders;
import com.orderhub.order.Draft;
import com.orderhub.order.OrderMessages;
import com.orderhub.order.OrderMessages.Queued;
import com.orderhub.order.OrderQueue;
import com.orderhub.order.OrderShape;
import com.orderhub.order.PendingOrders;
import com.orderhub.status.MessageStatuses;
import com.orderhub.status.MessageStatuses.Entry;
import com.orderhub.status.MessageStatuses.Outcome;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The file-ingest route's judgement (docs/files-from-erps.md): a partner's file of orders is read twice as a
 * stream (after {@link InboxFiles} has read it for its SHA-256). The first read only checks that
 * it is well-formed and counts the orders, so a broken file is rejected before any of its orders is queued. The second records a status entry per
 * order, in chunks, and queues each well-shaped order for the same intake as the REST API; an
 * order of the wrong shape fails on its own with code 400.
 */
@Component("fileIngest")
public class FileIngest {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngest.class);

    public static final String PARTNER = "OrderHubPartner";
    static final int CHUNK = 500;
    static final int PROGRESS_EVERY = 100_000;

    private final MessageStatuses statuses;
    private final OrderQueue queue;
    private final OrderHubProperties properties;

    private final HubMetrics metrics;

    private final PendingOrders pending;

    public FileIngest(MessageStatuses statuses, OrderQueue queue, OrderHubProperties properties, HubMetrics metrics,
            PendingOrders pending) {
        this.metrics = metrics;
        this.pending = pending;
        this.statuses = statuses;
        this.queue = queue;
        this.properties = properties;
    }

    /**
     * Queues the orders of the file in the body, whose message {@link InboxFiles#identify} has
     * claimed. A file taken again after its hub stopped mid-read goes on from its first order
     * without an entry; the ones before it are queued again where still open.
     */
    public void ingest(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
        String partnerName = exchange.getMessage().getHeader(PARTNER, String.class);
        Partner partner = properties.partners().get(partnerName);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String messageId = exchange.getMessage().getHeader(InboxFiles.MESSAGE_ID, String.class);
        long started = System.nanoTime();
        File file = exchange.getMessage().getMandatoryBody(File.class);
        int count = OrderFile.check(file);
        // every line of the file's journey carries its message id
        try (MDC.MDCCloseable journey = MDC.putCloseable(OrderMessages.MESSAGE_ID, messageId)) {
            int recorded = statuses.fileCounted(messageId, count);
            if (recorded > 0) {
                LOG.info("File {} of partner {}: message {}, {} orders, {} recorded before its hub stopped ({} of "
                        + "them queued again)", fileName, partnerName, messageId, count, recorded,
                        pending.requeueMessage(messageId));
            } else {
                LOG.info("File {} of partner {}: message {}, {} orders", fileName, partnerName, messageId, count);
            }
            Chunk chunk = new Chunk(messageId, partner.tenant(), "file:" + fileName);
            OrderFile.read(file, recorded, (index, order) -> {
                chunk.add(index, order);
                if (chunk.size() == CHUNK) {
                    chunk.flush();
                }
                if ((index + 1) % PROGRESS_EVERY == 0) {
                    LOG.info("File {}: {} of {} orders read", fileName, index + 1, count);
                }
            });
            chunk.flush();
            statuses.fileQueued(messageId);
            metrics.file(partnerName, "queued");
            LOG.info("File {} of partner {} queued: {} orders ({} refused for their shape) in {} ms", fileName,
                    partnerName, count, chunk.refused, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The orders of the file being read that are not recorded yet. */
    private final class Chunk {
        private final String messageId;
        private final String tenant;
        private final String origin;
        private final List<Entry> entries = new ArrayList<>(CHUNK);
        private final Map<Integer, Outcome> failures = new HashMap<>();
        private final List<Queued> valid = new ArrayList<>(CHUNK);
        private int first = -1;
        private int refused;

        Chunk(String messageId, String tenant, String origin) {
            this.messageId = messageId;
            this.tenant = tenant;
            this.origin = origin;
        }

        void add(int index, JsonNode order) {
            if (first < 0) {
                first = index;
            }
            FieldErrors errors = new FieldErrors();
            Draft draft = OrderShape.forCreate(new Fields(order, "", errors));
            if (!errors.isEmpty()) {
                entries.add(new Entry(draft.idRemote(), null));
                failures.put(index, Outcome.failed(messageId, index, 400, errors.first()));
                refused++;
            } else {
                String payload = CheckedOrders.write(draft);
                entries.add(new Entry(draft.idRemote(), payload));
                valid.add(new Queued(tenant, messageId, index, origin, payload));
            }
        }

        int size() {
            return entries.size();
        }

        void flush() {
            if (entries.isEmpty()) {
                return;
            }
            statuses.addEntries(messageId, first, entries, failures);
            if (!valid.isEmpty()) {
                queue.publish(List.copyOf(valid));
            }
            entries.clear();
            failures.clear();
            valid.clear();
            first = -1;
        }
    }
}
