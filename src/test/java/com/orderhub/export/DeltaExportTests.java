package com.orderhub.export;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import com.orderhub.export.DeltaExports.Outcome;
import com.orderhub.support.ApiTestSupport;
import com.orderhub.support.ErpWebhook;
import com.orderhub.support.FileServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/** Deltas back to ERPs (docs/deltas.md): exports to a folder, to SFTP and to a webhook; watermark and lease; on H2 and PostgreSQL. */
abstract class DeltaExportTests extends ApiTestSupport {

    @Value("${orderhub.data-dir}")
    private Path dataDir;

    @Autowired
    private DeltaExports exports;

    @Autowired
    private TransactionTemplate transaction;

    private Path outbox;

    @BeforeEach
    void emptyOutboxes() throws IOException {
        fixtures.referenceData(DEMO, "demo");
        outbox = dataDir.resolve("exporter/outbox");
        FileSystemUtils.deleteRecursively(outbox);
        Files.createDirectories(outbox);
        ErpWebhook.reset();
    }

    private JsonNode runNow(String partner) {
        Response response = post("/export/" + partner + "/run", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<Path> exportFiles() throws IOException {
        try (var files = Files.list(outbox)) {
            return files.sorted().toList();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return ApiJson.MAPPER.readTree(file.toFile());
    }

    /** The idRemote of each order (or tombstone) of an export's list. */
    private static List<String> idRemotes(JsonNode list) {
        List<String> idRemotes = new ArrayList<>();
        list.forEach(item -> idRemotes.add(item.path("idRemote").asText()));
        return idRemotes;
    }

    private String orderId(String idRemote) {
        return get("/Order/get/" + idRemote).json().path("data").path("id").asText();
    }

    @Test
    void newUpdatedAndDeletedOrdersGoToTheOutboxOnceAndARunWithoutChangesWritesNothing() throws IOException {
        create("[" + orderJson("X-1") + "," + orderJson("X-2") + "]");
        JsonNode first = runNow("exporter");

        assertThat(first.path("outcome").asText()).isEqualTo("delivered");
        assertThat(first.path("orders").asInt()).isEqualTo(2);
        JsonNode document = read(exportFiles().get(0));
        assertThat(exportFiles().get(0).getFileName().toString()).matches("orders-\\d{8}T\\d{9}Z\\.json");
        assertThat(document.path("partner").asText()).isEqualTo("exporter");
        assertThat(idRemotes(document.path("orders"))).containsExactlyInAnyOrder("X-1", "X-2");
        assertThat(document.path("orders").get(0).path("lines")).hasSize(2);
        assertThat(document.path("deleted")).isEmpty();

        assertThat(runNow("exporter").path("outcome").asText()).isEqualTo("nothing");
        assertThat(exportFiles()).hasSize(1);

        String deletedId = orderId("X-2");
        assertThat(put("/Order/update/X-1", "{\"observation\": \"Second delivery\"}").status()).isEqualTo(200);
        assertThat(delete("/Order/delete/X-2").status()).isEqualTo(200);
        JsonNode second = runNow("exporter");

        assertThat(second.path("outcome").asText()).isEqualTo("delivered");
        JsonNode delta = read(exportFiles().get(1));
        assertThat(idRemotes(delta.path("orders"))).containsExactly("X-1");
        assertThat(delta.path("orders").get(0).path("observation").asText()).isEqualTo("Second delivery");
        assertThat(delta.path("deleted")).hasSize(1);
        assertThat(delta.path("deleted").get(0).path("id").asText()).isEqualTo(deletedId);
        assertThat(delta.path("deleted").get(0).path("idRemote").asText()).isEqualTo("X-2");
        try (var files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    /**
     * A tenant's changes are deleted once every partner exporting its orders has received them,
     * and not before; a change made after that goes out as any other, to every partner.
     */
    @Test
    void changesEveryPartnerOfTheTenantHasReceivedAreDeletedAndLaterOnesStillGoOut() {
        fixtures.referenceData("other-key", "other");
        assertThat(post("/Order/create", "[" + orderJson("P-OTHER") + "]", "other-key").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> changesKept("other") == 1);
        create("[" + orderJson("P-1") + "," + orderJson("P-2") + "]");
        for (String partner : List.of("exporter", "hook", "sftpout")) {
            assertThat(runNow(partner).path("orders").asInt()).as(partner).isEqualTo(2);
        }
        assertThat(changesKept()).as("xmlout has not had them").isEqualTo(2);

        assertThat(runNow("xmlout").path("orders").asInt()).isEqualTo(2);
        assertThat(changesKept()).as("every partner exporting demo's orders has them").isZero();

        assertThat(put("/Order/update/P-1", "{\"observation\": \"After the prune\"}").status()).isEqualTo(200);
        assertThat(runNow("exporter").path("orders").asInt()).isEqualTo(1);
        assertThat(runNow("xmlout").path("orders").asInt()).isEqualTo(1);
        assertThat(changesKept()).as("hook and sftpout have not had it").isEqualTo(1);
        assertThat(runNow("hook").path("orders").asInt()).isEqualTo(1);
        assertThat(runNow("sftpout").path("orders").asInt()).isEqualTo(1);
        assertThat(changesKept()).isZero();
        long watermark = watermark("exporter");
        assertThat(runNow("exporter").path("outcome").asText()).as("nothing is sent twice").isEqualTo("nothing");
        assertThat(watermark("exporter")).as("with no change left, the watermark stays").isEqualTo(watermark);
        assertThat(changesKept("other")).as("another tenant's changes wait for its own partners").isEqualTo(1);
    }

    /**
     * A partner that has an export state but is not configured (taken out, or known only to
     * another instance) still holds back the changes it has not had.
     */
    @Test
    void aPartnerNotConfiguredHereStillHoldsBackWhatItHasNotHad() {
        jdbc.update("INSERT INTO export_state (partner, tenant, watermark, exported_orders, failed_runs) "
                + "VALUES ('gone', 'demo', 0, 0, 0)");
        create("[" + orderJson("G-1") + "]");
        for (String partner : List.of("exporter", "hook", "sftpout", "xmlout")) {
            assertThat(runNow(partner).path("orders").asInt()).as(partner).isEqualTo(1);
        }

        assertThat(changesKept()).isEqualTo(1);

        jdbc.update("DELETE FROM export_state WHERE partner = 'gone'");
        assertThat(put("/Order/update/G-1", "{\"observation\": \"Gone for good\"}").status()).isEqualTo(200);
        for (String partner : List.of("exporter", "hook", "sftpout", "xmlout")) {
            assertThat(runNow(partner).path("orders").asInt()).as(partner).isEqualTo(1);
        }
        assertThat(changesKept()).as("its row deleted, it holds nothing back").isZero();
    }

    private int changesKept() {
        return changesKept("demo");
    }

    private int changesKept(String tenant) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM order_change WHERE tenant = ?", Integer.class, tenant);
    }

    private long watermark(String partner) {
        for (JsonNode state : get("/export/status").json().path("data")) {
            if (state.path("partner").asText().equals(partner)) {
                return state.path("watermark").asLong();
            }
        }
        throw new AssertionError("no export status for " + partner);
    }

    @Test
    void theExportGoesToAnSftpOutbox() throws IOException {
        create("[" + orderJson("S-1") + "]");

        JsonNode run = runNow("sftpout");

        Path remote = FileServers.sftpRoot().resolve("outbox").resolve(run.path("file").asText());
        assertThat(remote).exists();
        assertThat(idRemotes(read(remote).path("orders"))).containsExactly("S-1");
    }

    @Test
    void aPartnerWithAnOutboundMappingGetsItsOwnXml() throws IOException {
        create("[" + orderJson("M-1") + "," + orderJson("M-2") + "]");
        assertThat(delete("/Order/delete/M-2").status()).isEqualTo(200);

        JsonNode run = runNow("xmlout");

        assertThat(run.path("file").asText()).matches("orders-\\d{8}T\\d{9}Z\\.xml");
        String xml = Files.readString(dataDir.resolve("xmlout/outbox").resolve(run.path("file").asText()));
        assertThat(xml).startsWith("<?xml").contains("<OrderImport source=\"OrderHub\" partner=\"xmlout\"")
                .contains("<OrderUpdate number=\"M-1\"").contains("<Status>Pending</Status>")
                .contains("<Line number=\"M-1-L1\" status=\"Pending\" quantity=\"2\"")
                .contains("<OrderDeleted number=\"M-2\"");
    }

    @Test
    void theWebhookGetsASignedPostAndAFailedDeliveryIsSentAgainWithNothingLost() throws IOException {
        create("[" + orderJson("W-1") + "]");
        ErpWebhook.answer(500);

        JsonNode failed = runNow("hook");

        assertThat(failed.path("outcome").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).isEqualTo("Webhook of partner hook answered 500");
        assertThat(failed.path("export").path("failedRuns").asInt()).isEqualTo(1);
        assertThat(failed.path("export").path("lastError").asText()).isEqualTo("Webhook of partner hook answered 500");

        create("[" + orderJson("W-2") + "]");
        JsonNode delivered = runNow("hook");

        assertThat(delivered.path("outcome").asText()).isEqualTo("delivered");
        assertThat(delivered.path("export").path("lastError").isNull()).isTrue();
        List<ErpWebhook.Received> posts = ErpWebhook.received();
        assertThat(posts).hasSize(2);
        ErpWebhook.Received last = posts.get(1);
        assertThat(last.path()).isEqualTo("/erp/orders");
        assertThat(last.header("Content-Type")).isEqualTo("application/json");
        assertThat(last.header("X-OrderHub-Timestamp")).isNotBlank();
        assertThat(Webhook.verifies("erp-shared-secret", last.body(), last.header("X-Signature"))).isTrue();
        assertThat(Webhook.verifies("another-secret", last.body(), last.header("X-Signature"))).isFalse();
        JsonNode body = ApiJson.MAPPER.readTree(last.body());
        assertThat(idRemotes(body.path("orders"))).containsExactlyInAnyOrder("W-1", "W-2");
    }

    @Test
    void aWebhookThatAnswersTooLateIsAFailedDelivery() {
        create("[" + orderJson("L-1") + "]");
        ErpWebhook.answer(ErpWebhook.TOO_LATE);

        JsonNode late = runNow("hook");

        assertThat(late.path("outcome").asText()).isEqualTo("failed");
        assertThat(late.path("error").asText()).startsWith("Webhook of partner hook not reached: ")
                .contains("HttpTimeoutException");
        assertThat(runNow("hook").path("orders").asInt()).isEqualTo(1);
    }

    @Test
    void anUnreachableSftpOutboxLeavesTheWatermarkForTheNextRun() {
        fixtures.referenceData("other-key", "other");
        assertThat(post("/Order/create", "[" + orderJson("U-1") + "]", "other-key").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.count("orders") == 1);

        Response run = post("/export/deadsftp/run", "", "other-key");

        assertThat(run.json().path("outcome").asText()).isEqualTo("failed");
        assertThat(run.json().path("error").asText()).startsWith("Cannot connect to sftp://erp@127.0.0.1:1: ");
        JsonNode state = run.json().path("export");
        assertThat(state.path("watermark").asLong()).isZero();
        assertThat(state.path("failedRuns").asInt()).isEqualTo(1);
        assertThat(state.path("pendingChanges").asInt()).isEqualTo(1);
    }

    @Test
    void aChangeCommittedWhileAnExportRunsIsExportedByTheNextRun() throws Exception {
        create("[" + orderJson("C-1") + "," + orderJson("C-2") + "]");
        runNow("exporter");
        String slowOrder = orderId("C-2");
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            // a writer whose transaction started before the export and commits after it
            Future<?> slow = writer.submit(() -> transaction.executeWithoutResult(tx -> {
                jdbc.update("UPDATE orders SET observation = 'slow writer' WHERE id = ?", slowOrder);
                jdbc.update("INSERT INTO order_change (change_id, tenant, order_id, changed_at) "
                        + "VALUES ('slow-change', 'demo', ?, CURRENT_TIMESTAMP)", slowOrder);
                written.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> commit.getCount() == 0);
            }));
            written.await();
            assertThat(put("/Order/update/C-1", "{\"observation\": \"quick writer\"}").status()).isEqualTo(200);

            JsonNode during = runNow("exporter");

            assertThat(during.path("outcome").asText()).isEqualTo("delivered");
            assertThat(idRemotes(read(exportFiles().get(1)).path("orders"))).containsExactly("C-1");
            commit.countDown();
            slow.get();
        } finally {
            commit.countDown();
            writer.shutdownNow();
        }

        JsonNode after = runNow("exporter");

        assertThat(after.path("outcome").asText()).isEqualTo("delivered");
        JsonNode late = read(exportFiles().get(2)).path("orders");
        assertThat(idRemotes(late)).containsExactly("C-2");
        assertThat(late.get(0).path("observation").asText()).isEqualTo("slow writer");
    }

    @Test
    void twoExportersOfOnePartnerNeverBothDeliverTheSameChanges() throws Exception {
        create("[" + orderJson("T-1") + "," + orderJson("T-2") + "," + orderJson("T-3") + "]");
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<DeltaExports.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    start.await();
                    return exports.run("exporter");
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<DeltaExports.Run> run : runs) {
                outcomes.add(run.get().outcome());
            }

            assertThat(outcomes).containsOnlyOnce(Outcome.delivered);
            assertThat(outcomes).containsAnyOf(Outcome.busy, Outcome.nothing);
            assertThat(exportFiles()).hasSize(1);
            assertThat(read(exportFiles().get(0)).path("orders")).hasSize(3);
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void partnersExportingAtOnceOnOneInstanceNeverFailForTheChangeSequencer() throws Exception {
        create("[" + orderJson("P-1") + "]");
        String order = orderId("P-1");
        // a backlog of changes to number makes each run hold the sequencer long enough for the
        // others to queue behind it (H2 gives up on a row lock after one second)
        jdbc.batchUpdate("INSERT INTO order_change (change_id, tenant, order_id, changed_at) VALUES (?, 'demo', ?, CURRENT_TIMESTAMP)",
                java.util.stream.IntStream.range(0, 200_000).mapToObj(i -> new Object[] {"backlog-" + i, order}).toList());
        List<String> partners = List.of("exporter", "sftpout", "xmlout", "exporter", "sftpout", "xmlout");
        ExecutorService crons = Executors.newFixedThreadPool(partners.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<DeltaExports.Run>> runs = new ArrayList<>();
            for (String partner : partners) {
                runs.add(crons.submit(() -> {
                    start.await();
                    return exports.run(partner);
                }));
            }
            start.countDown();
            for (Future<DeltaExports.Run> run : runs) {
                assertThat(run.get().outcome()).as(String.valueOf(run.get().error())).isNotEqualTo(Outcome.failed);
            }
        } finally {
            crons.shutdownNow();
        }
    }

    @Test
    void operatorsSeeEachPartnerOfTheirTenant() {
        create("[" + orderJson("O-1") + "]");
        runNow("exporter");
        create("[" + orderJson("O-2") + "]");

        JsonNode partners = get("/export/status").json().path("data");

        assertThat(partners.findValuesAsText("partner")).containsExactlyInAnyOrder("exporter", "hook", "sftpout", "xmlout");
        JsonNode exporter = partners.get(partners.findValuesAsText("partner").indexOf("exporter"));
        assertThat(exporter.path("cron").asText()).isEqualTo("0 0 0 1 1 ? 2099");
        assertThat(exporter.path("lastSuccessAt").asText()).isNotBlank();
        assertThat(exporter.path("lastFile").asText()).startsWith("orders-");
        assertThat(exporter.path("exportedOrders").asInt()).isEqualTo(1);
        assertThat(exporter.path("pendingChanges").asInt()).isEqualTo(1);
        assertThat(exporter.path("running").asBoolean()).isFalse();
    }

    @Test
    void aPartnerOfAnotherTenantOrWithoutExportIsNotFound() {
        Response response = post("/export/scheduled/run", "");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("No export for partner scheduled.");
        assertThat(post("/export/local/run", "").error()).isEqualTo("No export for partner local.");
    }

    @Test
    void aReadOnlyKeySeesTheExportsButCannotRunOne() {
        assertThat(get("/export/status", "read-key").status()).isEqualTo(200);

        Response response = post("/export/exporter/run", "", "read-key");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("This API key may only read; writing needs the write scope.");
    }

    @Test
    void theScheduleRunsTheExportOnItsOwn() throws IOException {
        fixtures.referenceData("other-key", "other");
        Path scheduled = dataDir.resolve("scheduled/outbox");
        Response accepted = post("/Order/create", "[" + orderJson("Q-1") + "]", "other-key");
        assertThat(accepted.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!Files.isDirectory(scheduled)) {
                return false;
            }
            try (var files = Files.list(scheduled)) {
                return files.filter(f -> f.toString().endsWith(".json")).anyMatch(f -> {
                    try {
                        return idRemotes(read(f).path("orders")).contains("Q-1");
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        });
    }
}
