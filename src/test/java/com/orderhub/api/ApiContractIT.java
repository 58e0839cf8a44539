package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.support.HubProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged hub with routes that break the OpenAPI document (an operation's endpoint taken out
 * of routes/rest-api.yaml) does not start: it exits, naming the operation, instead of serving a
 * client generated from the document an endpoint that is not there.
 */
class ApiContractIT {

    @TempDir
    Path dataDir;

    @Test
    void routesThatBreakTheDocumentStopTheStart() throws Exception {
        Path routes = dataDir.resolve("routes");
        FileSystemUtils.copyRecursively(Path.of("routes"), routes);
        Path restApi = routes.resolve("rest-api.yaml");
        String withoutDeleted = Files.readString(restApi).replace("""
                      - path: /deleted
                        description: "Tombstones {id, idRemote, deletedAt} with deletedAt >= date, cursor paged like updatedFrom"
                        produces: application/json,application/xml
                        param: *feed
                        to: direct:list-deleted-orders
                """, "");
        assertThat(withoutDeleted).isNotEqualTo(Files.readString(restApi)).doesNotContain("direct:list-deleted-orders");
        Files.writeString(restApi, withoutDeleted);

        HubProcess hub = HubProcess.launch(HubProcess.freePort(), List.of("--orderhub.data-dir=" + dataDir,
                "--orderhub.routes-dir=" + routes), Map.of(), dataDir.resolve("hub.log"), null);

        assertThat(hub.process().waitFor(90, TimeUnit.SECONDS)).as("the hub gives up its start").isTrue();
        assertThat(hub.process().exitValue()).isNotZero();
        assertThat(Files.readString(hub.log())).contains("The REST routes (routes/rest-api.yaml) and the OpenAPI "
                + "document disagree: GET /Order/deleted (list-deleted-orders) is in openapi/orderhub-api.yaml but has no REST route");
    }
}
