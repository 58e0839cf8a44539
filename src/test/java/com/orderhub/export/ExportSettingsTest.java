package com.orderhub.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.Export;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.support.HubSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A half-configured export stops the start with a message naming the key to set. */
class ExportSettingsTest {

    private static void prepare(Export export) {
        OrderHubProperties properties = HubSettings.with(
                Map.of("erp", new Partner("demo", "file:in", "file:out", null, export, OrderHubProperties.Ready.DEFAULT)));
        new DeltaExports(null, null, null, properties, null, null).prepare(null);
    }

    @Test
    void anExportWithNowhereToGoStopsTheStart() {
        assertThatThrownBy(() -> prepare(new Export("0 * * * * ?", null, " ", null, 10000, 100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("orderhub.partners.erp.export: set outbox-uri, webhook-url or both");
    }

    @Test
    void aWebhookWithoutSecretStopsTheStart() {
        assertThatThrownBy(() -> prepare(new Export("0 * * * * ?", null, "http://erp/hook", null, 10000, 100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("orderhub.partners.erp.export.hmac-secret: a webhook needs a secret to sign its bodies");
    }
}
