package com.orderhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesFolderTest {

    private static OrderHubProperties routesIn(Path folder) {
        return new OrderHubProperties("./data", folder.toString(), "mappings",
                new OrderHubProperties.Api("/api/database/v1", 16 << 20, 1000,
                        new OrderHubProperties.RateLimit(50, java.time.Duration.ofSeconds(1), 100),
                        OrderHubProperties.RateLimitStore.memory,
                        new OrderHubProperties.Cors(java.util.List.of(), java.time.Duration.ofHours(1)), java.time.Duration.ZERO),
                new OrderHubProperties.Security(java.util.List.of()), new OrderHubProperties.Queue(OrderHubProperties.Queue.Kind.seda, OrderHubProperties.Queue.Type.classic, "seda:q", "seda:q", "q", 10000, 100), java.util.Map.of());
    }

    @Test
    void startingWithoutTheRouteFilesStopsWithAnExplanation(@TempDir Path empty) {
        assertThatThrownBy(() -> new ApiConfiguration().routesFolder(routesIn(empty)))
                .hasMessageContaining("No routes in " + empty.toAbsolutePath())
                .hasMessageContaining("set orderhub.routes-dir");
    }

    @Test
    void theProjectsRoutesFolderIsFound() {
        assertThat(new ApiConfiguration().routesFolder(routesIn(Path.of("routes"))).path())
                .isEqualTo(Path.of("routes").toAbsolutePath());
    }
}
