package com.orderhub.ingest;

import com.orderhub.config.OrderHubProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One file-ingest route per configured partner, made from the {@code file-ingest} template of
 * routes/file-ingest.yaml once the routes are loaded: the partners are configuration, the flow
 * is the same for all.
 */
@Component
public class PartnerRoutes implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerRoutes.class);

    private final OrderHubProperties properties;
    private final PartnerMappings mappings;

    public PartnerRoutes(OrderHubProperties properties, PartnerMappings mappings) {
        this.properties = properties;
        this.mappings = mappings;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        properties.partners().forEach((name, partner) -> {
            String include = mappings.load(camelContext, name, partner);
            TemplatedRouteBuilder.builder(camelContext, "file-ingest")
                    .routeId("file-ingest-" + name)
                    .parameter("partner", name)
                    .parameter("inbox", partner.inboxUri())
                    .parameter("include", include)
                    .add();
            LOG.info("Partner {} (tenant {}): taking order files {} from {}{}", name, partner.tenant(), include,
                    safe(partner.inboxUri()), partner.mapping() == null ? "" : " through mapping " + partner.mapping());
        });
    }

    /** The URI without its query, where passwords live. */
    static String safe(String uri) {
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        return base.replaceAll("//[^/@]*@", "//");
    }
}
