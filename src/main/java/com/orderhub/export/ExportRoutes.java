package com.orderhub.export;

import com.orderhub.ingest.PartnerRoutes;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One delta-export route per partner with an export, made from the {@code delta-export}
 * template of routes/delta-export.yaml once the routes are loaded, after {@link DeltaExports}
 * has checked the partner's export (a half-configured one stops the start).
 */
@Component
public class ExportRoutes implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ExportRoutes.class);

    private final DeltaExports exports;

    public ExportRoutes(DeltaExports exports) {
        this.exports = exports;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        try {
            exports.prepare(camelContext).forEach((name, partner) -> {
                TemplatedRouteBuilder.builder(camelContext, "delta-export")
                        .routeId("delta-export-" + name)
                        .parameter("partner", name)
                        .parameter("cron", partner.export().cron())
                        .add();
                LOG.info("Partner {}: exporting on cron '{}' to {}", name, partner.export().cron(), String.join(" and ",
                        Stream.of(partner.export().outboxUri(), partner.export().webhookUrl())
                                .filter(ExportDelivery::present).map(PartnerRoutes::safe).toList()));
            });
        } catch (RuntimeException | Error e) {
            // Camel's start-up listener logs it only as a warning, and the hub runs without its exports
            LOG.error("The partners' export routes could not be made: {}", e.toString(), e);
            throw e;
        }
    }
}
