package com.orderhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderhub.support.HubSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesFolderTest {

    private static OrderHubProperties routesIn(Path folder) {
        return HubSettings.of(Map.of("orderhub.routes-dir", folder.toString()));
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
