package com.orderhub.ingest;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.Ready;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One file-ingest route per configured partner, made from the {@code file-ingest} template of
 * routes/file-ingest.yaml once the routes are loaded: the partners are configuration, the flow
 * is the same for all. Their exports' routes are {@link com.orderhub.export.ExportRoutes}'.
 */
@Component
public class PartnerRoutes implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerRoutes.class);

    private final OrderHubProperties properties;
    private final PartnerMappings mappings;
    private final InboxLeases leases;

    public PartnerRoutes(OrderHubProperties properties, PartnerMappings mappings, InboxLeases leases) {
        this.properties = properties;
        this.mappings = mappings;
        this.leases = leases;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        try {
            addPartnerRoutes(camelContext);
        } catch (RuntimeException | Error e) {
            // Camel's start-up listener logs it only as a warning, and the hub runs without its inboxes
            LOG.error("The partners' routes could not be made: {}", e.toString(), e);
            throw e;
        }
    }

    private void addPartnerRoutes(CamelContext camelContext) {
        properties.partners().forEach((name, partner) -> {
            String include = mappings.load(camelContext, name, partner);
            Ready ready = partner.ready();
            long stableFor = ready.stableFor().toMillis();
            // a file still changing after three looks is left for the next poll, so one long
            // upload does not hold the inbox's other files back
            camelContext.getRegistry().bind("inboxReadLock-" + name,
                    InboxReadLock.forInbox(name, partner.inboxUri(), leases, stableFor, 3 * stableFor + 1000));
            TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camelContext, "file-ingest")
                    .routeId("file-ingest-" + name)
                    .parameter("partner", name)
                    .parameter("inbox", partner.inboxUri())
                    .parameter("include", include);
            if (!ready.temporaryNames().isEmpty()) {
                route.parameter("exclude", ready.temporaryNames());
            }
            if (ready.doneFile() != null && !ready.doneFile().isBlank()) {
                route.parameter("doneFile", ready.doneFile());
            }
            route.add();
            LOG.info("Partner {} (tenant {}): taking order files {} from {}{}, once unchanged for {} ms{}{}", name,
                    partner.tenant(), include, safe(partner.inboxUri()),
                    partner.mapping() == null ? "" : " through mapping " + partner.mapping(), stableFor,
                    ready.doneFile() == null ? "" : " and marked done by " + ready.doneFile(),
                    ready.temporaryNames().isEmpty() ? "" : ", never while named " + ready.temporaryNames());
        });
    }

    /** The URI without its query, where passwords live. */
    public static String safe(String uri) {
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        return base.replaceAll("//[^/@]*@", "//");
    }
}
