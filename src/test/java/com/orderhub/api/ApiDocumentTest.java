package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.config.OrderHubProperties;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The contract's operations against the REST routes: what makes the hub refuse to start. */
class ApiDocumentTest {

    private final ApiDocument document = new ApiDocument(new Binder(new MapConfigurationPropertySource(
            Map.of("orderhub.api.base-path", "/api/database/v1"))).bindOrCreate("orderhub", OrderHubProperties.class));

    @Test
    void everyOperationHasItsRouteIdAsOperationId() {
        Map<String, String> operations = document.operations();

        assertThat(operations).hasSize(26).containsEntry("POST /Order/create", "accept-orders")
                .containsEntry("GET /Order/get/{id}", "get-order").containsEntry("POST /export/{partner}/run", "run-export");
        assertThat(document.mismatches(operations)).isEmpty();
    }

    @Test
    void aRouteMissingFromEitherSideOrNamedOtherwiseIsAMismatch() {
        Map<String, String> routes = new TreeMap<>(document.operations());
        routes.remove("GET /Order/deleted");
        routes.put("GET /Order/secret", "list-secrets");
        routes.put("POST /Order/create", "create-orders");

        assertThat(document.mismatches(routes)).containsExactly(
                "GET /Order/deleted (list-deleted-orders) is in openapi/orderhub-api.yaml but has no REST route",
                "GET /Order/secret (route list-secrets) is not in openapi/orderhub-api.yaml",
                "POST /Order/create goes to route create-orders, but its operationId is accept-orders");
    }

    @Test
    void theServedDocumentNamesTheConfiguredBasePathAsItsServer() throws Exception {
        assertThat(ApiJson.MAPPER.readTree(document.json()).path("servers").get(0).path("url").asText())
                .isEqualTo("/api/database/v1");
    }
}
