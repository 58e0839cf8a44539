package com.orderhub.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import com.orderhub.support.Fixtures;
import com.orderhub.support.HubApi;
import com.orderhub.support.HubProcess;
import com.orderhub.support.ProductionSetting;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out story of ARCHITECTURE.md, with the packaged jar: two production hubs on other
 * ports share one PostgreSQL schema and one RabbitMQ queue, take orders through both APIs and
 * files from one partner's inbox, and both schedule that partner's export. Every order is
 * stored once, every file processed once, every order exported once, and both hubs consume.
 */
class ScaleOutIT {

    private static final int REQUESTS = 10;
    private static final int ORDERS_PER_REQUEST = 50;
    private static final int FILES = 4;
    private static final int ORDERS_PER_FILE = 50;
    private static final int ORDERS = REQUESTS * ORDERS_PER_REQUEST + FILES * ORDERS_PER_FILE;

    @TempDir
    Path dir;

    @Test
    void twoInstancesShareTheWorkAndDoEachThingOnce() throws Exception {
        ProductionSetting setting = new ProductionSetting("scale", "scale-key");
        Map<String, String> env = setting.env();
        env.putAll(Map.of(
                "ORDERHUB_PARTNERS_ERP_TENANT", "demo",
                "ORDERHUB_PARTNERS_ERP_INBOXURI", "file:" + dir.resolve("inbox"),
                "ORDERHUB_PARTNERS_ERP_RESULTSURI", "file:" + dir.resolve("results"),
                "ORDERHUB_PARTNERS_ERP_EXPORT_CRON", "0/2 * * * * ?",
                "ORDERHUB_PARTNERS_ERP_EXPORT_OUTBOXURI", "file:" + dir.resolve("outbox")));
        List<String> args = ProductionSetting.ARGS;
        int portA = HubProcess.freePort();
        int portB = HubProcess.freePort();
        HubProcess a = HubProcess.start(portA, args, env, dir.resolve("hub-a.log"));
        HubProcess b = null;
        try {
            b = HubProcess.start(portB, args, env, dir.resolve("hub-b.log"));
            HubApi apiA = setting.api(portA);
            HubApi apiB = setting.api(portB);
            apiA.createReferenceData();

            List<String> statusUrls = new ArrayList<>();
            for (int r = 0; r < REQUESTS; r++) {
                HttpResponse<String> accepted = (r % 2 == 0 ? apiA : apiB).post("/Order/create", orders("API-" + r, ORDERS_PER_REQUEST));
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
                statusUrls.add(ApiJson.MAPPER.readTree(accepted.body()).path("statusUrl").asText()
                        .replaceFirst("http://localhost:\\d+", ""));
            }
            Path inbox = Files.createDirectories(dir.resolve("inbox"));
            for (int f = 0; f < FILES; f++) {
                Path part = Files.writeString(inbox.resolve("orders-" + f + ".json.part"), orders("FILE-" + f, ORDERS_PER_FILE));
                Files.move(part, inbox.resolve("orders-" + f + ".json"));
            }

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                int completed = 0;
                for (String statusUrl : statusUrls) {
                    for (JsonNode entry : apiB.getJson(statusUrl + "?pageSize=1000").path("data")) {
                        completed += entry.path("status").asText().equals("completed") ? 1 : 0;
                    }
                }
                return completed == REQUESTS * ORDERS_PER_REQUEST && resultFiles() == FILES;
            });
            for (int f = 0; f < FILES; f++) {
                JsonNode result = ApiJson.MAPPER.readTree(dir.resolve("results/orders-" + f + ".json.result.json").toFile());
                assertThat(result.path("completed").asInt()).as("file %d", f).isEqualTo(ORDERS_PER_FILE);
            }
            assertThat(apiA.getJson("/Order/getOrder?pageSize=1").path("pagination").path("totalItems").asInt())
                    .as("every order stored once").isEqualTo(ORDERS);

            // every order in exactly one export file, whichever hub wrote it
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> exported().size() >= ORDERS);
            List<String> exported = exported();
            assertThat(exported).hasSize(ORDERS).doesNotHaveDuplicates();

            try (Connection db = DriverManager.getConnection(setting.url(5432), "postgres", "");
                    ResultSet files = db.createStatement().executeQuery(
                            "SELECT COUNT(*) FROM message WHERE partner = 'erp'")) {
                files.next();
                assertThat(files.getInt(1)).as("every file processed once").isEqualTo(FILES);
            }
            assertThat(persisted(portA)).as("hub A consumed from the queue").isPositive();
            assertThat(persisted(portB)).as("hub B consumed from the queue").isPositive();
        } finally {
            a.stop();
            if (b != null) {
                b.stop();
            }
            for (String log : List.of("hub-a.log", "hub-b.log")) { // kept for a look after a failure
                if (Files.exists(dir.resolve(log))) {
                    Files.copy(dir.resolve(log), Path.of("target", "scale-out-" + log),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            setting.close();
        }
    }

    private static String orders(String prefix, int count) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append(Fixtures.orderJson(prefix + "-" + i));
        }
        return body.append(']').toString();
    }

    private long resultFiles() throws Exception {
        Path results = dir.resolve("results");
        if (!Files.isDirectory(results)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(results)) {
            return files.filter(f -> f.toString().endsWith(".result.json")).count();
        }
    }

    /** The idRemote of every order in every export file of the outbox. */
    private List<String> exported() throws Exception {
        Path outbox = dir.resolve("outbox");
        List<String> idRemotes = new ArrayList<>();
        if (!Files.isDirectory(outbox)) {
            return idRemotes;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode order : ApiJson.MAPPER.readTree(file.toFile()).path("orders")) {
                    idRemotes.add(order.path("idRemote").asText());
                }
            }
        }
        return idRemotes;
    }

    /** What the hub on this port has persisted, from its own metrics. */
    private static double persisted(int port) throws Exception {
        String scrape = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher line = Pattern.compile("(?m)^orderhub_orders_persisted_total (\\S+)$").matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
