package com.orderhub.export;

import com.orderhub.config.FileEndpoints;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.ingest.PartnerMappings;
import com.orderhub.ingest.PartnerMappings.Mapping;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/**
 * The export-changes route's delivery steps for a run's document: to the partner's outbox as a file (in its own format when its
 * mapping folder has an outbound.ds), then to its webhook (always the hub's document,
 * docs/deltas.md). Either failing fails the run, and the watermark stays.
 */
@Component
public class ExportDelivery {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Webhook webhook;
    private final PartnerMappings mappings;
    private final Map<String, Mapping> outbound = new ConcurrentHashMap<>();
    private volatile CamelContext camel;

    public ExportDelivery(Webhook webhook, PartnerMappings mappings) {
        this.webhook = webhook;
        this.mappings = mappings;
    }

    /** Loads the partner's outbound mapping, if it has one. */
    void prepare(CamelContext camel, String partnerName, Partner partner) {
        this.camel = camel;
        mappings.outbound(camel, partnerName, partner).ifPresent(mapping -> outbound.put(partnerName, mapping));
    }

    /** Header: where the run's file goes (the partner's outbox, written under a temporary name). */
    static final String OUTBOX_URI = "OrderHubOutboxUri";

    /**
     * The document as the partner's outbox takes it (its outbound mapping applied), named, and
     * where it goes; a partner without an outbox gets no {@value #OUTBOX_URI} header.
     */
    public Object forOutbox(@ExchangeProperty(DeltaExports.RUN) DeltaExports.ExportRun run,
            @Headers Map<String, Object> headers) throws IOException {
        File document = run.delta.document;
        if (!present(run.partner.export().outboxUri())) {
            return document;
        }
        Mapping mapping = outbound.get(run.partnerName);
        run.file = "orders-" + FILE_STAMP.format(Instant.now()) + "." + (mapping == null ? "json" : mapping.extension());
        headers.put(Exchange.FILE_NAME, run.file);
        headers.put(OUTBOX_URI, FileEndpoints.writingAsPart(run.partner.export().outboxUri(), run.file));
        return mapping == null ? document : mapping.apply(camel, Files.readString(document.toPath()));
    }

    /** The document posted to the partner's webhook, signed, if it has one. */
    public void toWebhook(@ExchangeProperty(DeltaExports.RUN) DeltaExports.ExportRun run) {
        if (present(run.partner.export().webhookUrl())) {
            webhook.post(run.partnerName, run.partner.export(), run.delta.document.toPath());
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
