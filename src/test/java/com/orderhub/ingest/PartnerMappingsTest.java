package com.orderhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.Partner;
import com.orderhub.support.HubSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partner's mapping is checked at start-up: a hub that would read files wrong does not start. */
class PartnerMappingsTest {

    @TempDir
    Path mappingsDir;

    private String load(String mapping) {
        OrderHubProperties properties = HubSettings.of(Map.of("orderhub.mappings-dir", mappingsDir.toString(),
                "orderhub.ingest.max-mapped-file-bytes", "1024"));
        return new PartnerMappings(properties).load(new DefaultCamelContext(), "erp",
                new Partner("demo", "file:in", "file:out", mapping, null, OrderHubProperties.Ready.DEFAULT));
    }

    private void write(String mapping, String script) throws IOException {
        Files.writeString(Files.createDirectories(mappingsDir.resolve(mapping)).resolve("inbound.ds"), script);
    }

    @Test
    void aPartnerWithoutMappingTakesJsonFiles() {
        assertThat(load(null)).isEqualTo(".*\\.json");
    }

    @Test
    void theInboxTakesTheExtensionOfWhatTheMappingReads() throws IOException {
        write("csv", "/** DataSonnet\nversion=2.0\ninput payload application/csv; separator=\";\"\n*/\npayload");

        assertThat(load("csv")).isEqualTo(".*\\.csv");
    }

    @Test
    void aMissingMappingStopsTheStart() {
        assertThatThrownBy(() -> load("nowhere")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("orderhub.partners.erp.mapping: no mapping ")
                .hasMessageContaining("nowhere/inbound.ds");
    }

    @Test
    void aMappingThatDoesNotSayWhatItReadsStopsTheStart() throws IOException {
        write("bare", "payload");

        assertThatThrownBy(() -> load("bare")).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("inbound.ds must say what it reads in its header: 'input payload "
                        + "application/xml', 'application/csv' or 'application/json'");
    }

    @Test
    void aMappingThatIsNotValidDataSonnetStopsTheStart() throws IOException {
        write("broken", "/** DataSonnet\nversion=2.0\ninput payload application/xml\n*/\n[payload");

        assertThatThrownBy(() -> load("broken")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken/inbound.ds is not a valid DataSonnet script: ");
    }
}
