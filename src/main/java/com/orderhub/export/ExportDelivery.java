package com.orderhub.export;

import com.orderhub.config.FileEndpoints;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.export.ExportDocuments.Delta;
import com.orderhub.ingest.PartnerMappings;
import com.orderhub.ingest.PartnerMappings.Mapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers a run's document: to the partner's outbox as a file (in its own format when its
 * mapping folder has an outbound.ds), then to its webhook (always the hub's document,
 * docs/deltas.md). Either failing fails the run, and the watermark stays.
 */
@Component
public class ExportDelivery {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ProducerTemplate producer;
    private final Webhook webhook;
    private final PartnerMappings mappings;
    private final Map<String, Mapping> outbound = new ConcurrentHashMap<>();
    private volatile CamelContext camel;

    public ExportDelivery(ProducerTemplate producer, Webhook webhook, PartnerMappings mappings) {
        this.producer = producer;
        this.webhook = webhook;
        this.mappings = mappings;
    }

    /** Loads the partner's outbound mapping, if it has one. */
    void prepare(CamelContext camel, String partnerName, Partner partner) {
        this.camel = camel;
        mappings.outbound(camel, partnerName, partner).ifPresent(mapping -> outbound.put(partnerName, mapping));
    }

    /** The file's name in the outbox, or null if the partner takes only the webhook. */
    String deliver(String partnerName, Partner partner, Delta delta) {
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
            producer.sendBodyAndHeader(FileEndpoints.writingAsPart(partner.export().outboxUri(), file), body,
                    Exchange.FILE_NAME, file);
        }
        if (present(partner.export().webhookUrl())) {
            webhook.post(partnerName, partner.export(), delta.document.toPath());
        }
        return file;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
