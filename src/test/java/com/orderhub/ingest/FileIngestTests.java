package com.orderhub.ingest;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.support.ApiTestSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** ERP files dropped in a partner's local inbox (docs/files-from-erps.md), end to end; run on H2 and on PostgreSQL. */
abstract class FileIngestTests extends ApiTestSupport {

    @Value("${orderhub.data-dir}")
    private Path dataDir;

    private Path inbox;
    private Path results;

    @BeforeEach
    void folders() throws IOException {
        fixtures.referenceData(DEMO, "demo");
        inbox = Files.createDirectories(dataDir.resolve("inbox"));
        leaveNoFileBehind();
        results = dataDir.resolve("results");
        org.springframework.util.FileSystemUtils.deleteRecursively(results); // each test sees only its own results
        Files.createDirectories(results);
    }

    /**
     * A file left in the inbox (the second drop of a file already taken stays there) would be
     * taken again once the next test empties the database, the list of taken files with it.
     */
    @AfterEach
    void leaveNoFileBehind() throws IOException {
        try (var files = Files.list(inbox)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String orders(String... idRemotes) {
        List<String> orders = new ArrayList<>();
        for (String idRemote : idRemotes) {
            orders.add(orderJson(idRemote).toString());
        }
        return "[" + String.join(",\n", orders) + "]";
    }

    /** Writes under a name the inbox ignores, then renames: how an ERP should drop a file. */
    private void drop(String name, String content) throws IOException {
        Path part = inbox.resolve(name + ".part");
        Files.writeString(part, content);
        Files.move(part, inbox.resolve(name));
    }

    private JsonNode awaitResult(String name) throws IOException {
        Path result = results.resolve(name + ".result.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(result));
        return ApiJson.MAPPER.readTree(result.toFile());
    }

    @Test
    void everyOrderOfAFileGoesThroughTheIntakeAndTheResultFileSaysHowEachEnded() throws IOException {
        ObjectNode badReference = orderJson("F-2");
        badReference.put("statusId", "Lost");
        ObjectNode badShape = orderJson("F-3");
        badShape.remove("totalAmount");
        drop("orders-1.json", "[" + orderJson("F-1") + "," + badReference + "," + badShape + "]");

        JsonNode result = awaitResult("orders-1.json");

        assertThat(result.path("file").asText()).isEqualTo("orders-1.json");
        assertThat(result.path("partner").asText()).isEqualTo("local");
        assertThat(result.path("completed").asInt()).isEqualTo(1);
        assertThat(result.path("failed").asInt()).isEqualTo(2);
        JsonNode entries = result.path("data");
        assertThat(entries.findValuesAsText("status")).containsExactly("completed", "failed", "failed");
        assertThat(entries.get(1).path("code").asInt()).isEqualTo(404);
        assertThat(entries.get(1).path("errorMessage").asText()).isEqualTo("No entity found for OrderStatus with Lost.");
        assertThat(entries.get(2).path("code").asInt()).isEqualTo(400);
        assertThat(entries.get(2).path("errorMessage").asText()).isEqualTo("Parameter totalAmount is required");
        assertThat(Files.exists(inbox.resolve(".done/orders-1.json"))).isTrue();
        assertThat(Files.exists(inbox.resolve("orders-1.json"))).isFalse();
        assertThat(Files.list(results).map(p -> p.getFileName().toString()).toList())
                .containsExactly("orders-1.json.result.json");

        JsonNode order = get("/Order/get/F-1").json().path("data");
        assertThat(order.path("origin").asText()).isEqualTo("file:orders-1.json");
        JsonNode status = get("/message/status/" + result.path("messageId").asText()).json();
        assertThat(status.path("data").findValuesAsText("idRemote")).containsExactly("F-1", "F-2", "F-3");
    }

    @Test
    void aFileOfManyChunksIsAnsweredOnceItsLastOrderIsFinal() throws IOException {
        int count = 2 * FileIngest.CHUNK + 1;
        String[] idRemotes = new String[count];
        for (int i = 0; i < count; i++) {
            idRemotes[i] = "M-" + i;
        }
        drop("many.json", orders(idRemotes));

        JsonNode result = awaitResult("many.json");

        assertThat(result.path("completed").asInt()).isEqualTo(count);
        assertThat(result.path("data").get(count - 1).path("idRemote").asText()).isEqualTo("M-" + (count - 1));
        assertThat(fixtures.count("orders")).isEqualTo(count);
    }

    @Test
    void aMalformedFileIsRejectedWholeWithNothingStored() throws IOException {
        drop("broken.json", orders("B-1", "B-2").replace("\"B-2\",", "\"B-2\" "));

        JsonNode result = awaitResult("broken.json");

        assertThat(result.path("status").asText()).isEqualTo("rejected");
        assertThat(result.path("error").asText()).startsWith("Malformed JSON at line 2, column ").contains("(in order 1)");
        assertThat(result.path("data")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".error/broken.json")));
        assertThat(fixtures.count("message")).isZero();
        assertThat(fixtures.count("orders")).isZero();
    }

    @Test
    void aKeyGivenTwiceInAnOrderRejectsTheFileBeforeAnyOrderIsQueued() throws IOException {
        drop("twice.json", orders("D-1", "D-2").replace("{\"idRemote\":\"D-2\",", "{\"idRemote\":\"D-2\",\"idRemote\":\"D-3\","));

        JsonNode result = awaitResult("twice.json");

        assertThat(result.path("status").asText()).isEqualTo("rejected");
        assertThat(result.path("error").asText())
                .isEqualTo("Malformed JSON at line 2, column 29 (in order 1): Duplicate field 'idRemote'");
        assertThat(fixtures.count("message")).isZero();
        assertThat(fixtures.count("orders")).isZero();
    }

    @Test
    void aFileThatIsNotAnArrayOfOrdersIsRejected() throws IOException {
        drop("object.json", orderJson("O-1").toString());

        assertThat(awaitResult("object.json").path("error").asText())
                .isEqualTo("The file is not a JSON array of orders at line 1, column 2");
    }

    @Test
    void theSameBytesDroppedAgainAreNotStoredAgainAndTheResultSaysWhichFileTheyRepeat() throws IOException {
        String content = orders("D-1", "D-2");
        drop("first.json", content);
        JsonNode first = awaitResult("first.json");

        drop("again.json", content);
        JsonNode again = awaitResult("again.json");

        assertThat(again.path("status").asText()).isEqualTo("duplicate");
        assertThat(again.path("duplicateOf").path("file").asText()).isEqualTo("first.json");
        assertThat(again.path("duplicateOf").path("messageId").asText()).isEqualTo(first.path("messageId").asText());
        assertThat(again.path("duplicateOf").path("takenAt").asText()).isNotBlank();
        assertThat(again.path("error").asText()).startsWith("The file has the same bytes as first.json, taken at ")
                .endsWith(": nothing of it is stored again");
        assertThat(again.path("data")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".done/again.json")));
        assertThat(fixtures.count("message")).isEqualTo(1);
        assertThat(fixtures.count("orders")).isEqualTo(2);
    }

    @Test
    void theSameFileResentUnderItsNameIsADuplicateAndItsFirstResultStays() throws IOException {
        String content = orders("R-1");
        drop("resent.json", content);
        awaitResult("resent.json");
        Path result = results.resolve("resent.json.result.json");
        Files.delete(result);

        drop("resent.json", content);

        assertThat(awaitResult("resent.json").path("status").asText()).isEqualTo("duplicate");
        assertThat(fixtures.count("orders")).isEqualTo(1);
    }

    @Test
    void aCorrectedFileUnderTheSameNameAndSizeIsANewFile() throws IOException {
        ObjectNode order = orderJson("C-1");
        drop("corrected.json", "[" + order + "]");
        awaitResult("corrected.json");
        Files.delete(results.resolve("corrected.json.result.json"));

        order.put("idRemote", "C-2"); // same length, other bytes: what a corrected quantity looks like to the hub
        drop("corrected.json", "[" + order + "]");
        JsonNode second = awaitResult("corrected.json");

        assertThat(second.path("status").asText()).isEqualTo("done");
        assertThat(second.path("data").findValuesAsText("idRemote")).containsExactly("C-2");
        assertThat(fixtures.count("message")).isEqualTo(2);
        assertThat(fixtures.count("orders")).isEqualTo(2);
    }

    @Test
    void aFileTakenAgainAfterItsHubStoppedMidReadIsFinishedWithEveryOrderOnce() throws IOException {
        int count = FileIngest.CHUNK + 3;
        String[] idRemotes = new String[count];
        for (int i = 0; i < count; i++) {
            idRemotes[i] = "U-" + i;
        }
        String content = orders(idRemotes);
        // what a hub killed after its first chunk leaves: the file's message claimed, the first
        // chunk's entries recorded and pending (never queued), the file still in the inbox
        Path file = inbox.resolve("unfinished.json.part");
        Files.writeString(file, content);
        String messageId = "01a00000-0000-7000-8000-000000000001";
        jdbc.update("INSERT INTO message (message_id, tenant, origin, order_count, created_at, partner, file_name, "
                + "file_sha256, file_size, file_modified) VALUES (?, 'demo', 'file:unfinished.json', ?, CURRENT_TIMESTAMP, "
                + "'local', 'unfinished.json', ?, ?, ?)", messageId, count,
                com.orderhub.api.Digests.sha256Hex(file), Files.size(file), Files.getLastModifiedTime(file).toMillis());
        List<JsonNode> parsed = new ArrayList<>();
        ApiJson.MAPPER.readTree(content).forEach(parsed::add);
        for (int i = 0; i < FileIngest.CHUNK; i++) {
            var draft = com.orderhub.order.OrderShape.forCreate(new com.orderhub.api.Fields(parsed.get(i), "",
                    new com.orderhub.api.FieldErrors()));
            jdbc.update("INSERT INTO message_status (message_id, entry_index, id_remote, status, updated_at, payload) "
                    + "VALUES (?, ?, ?, 'pending', CURRENT_TIMESTAMP, ?)", messageId, i, idRemotes[i],
                    com.orderhub.order.CheckedOrders.write(draft));
        }
        Files.move(file, inbox.resolve("unfinished.json"));

        JsonNode result = awaitResult("unfinished.json");

        assertThat(result.path("messageId").asText()).isEqualTo(messageId);
        assertThat(result.path("completed").asInt()).isEqualTo(count);
        assertThat(fixtures.count("orders")).isEqualTo(count);
        assertThat(fixtures.count("message")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_status WHERE message_id = ?", Integer.class,
                messageId)).isEqualTo(count);
    }

    /** What an ERP does to say that a complete file in its inbox may be taken. */
    private interface ReadySignal {
        void give(Path inbox) throws IOException;
    }

    /**
     * Writes a file of one order in the partner's inbox under {@code written}, checks that it is
     * left alone for three seconds, gives the signal, and answers the result of {@code name}.
     */
    private JsonNode takenOnlyAfter(String partnerFolder, String written, String name, ReadySignal signal)
            throws IOException {
        Path partnerInbox = Files.createDirectories(dataDir.resolve(partnerFolder).resolve("inbox"));
        Path result = dataDir.resolve(partnerFolder).resolve("results").resolve(name + ".result.json");
        Files.writeString(partnerInbox.resolve(written), orders(partnerFolder + "-1"));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> fixtures.count("message") == 0);
        signal.give(partnerInbox);

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(result));
        return ApiJson.MAPPER.readTree(result.toFile());
    }

    @Test
    void aPartnerThatMarksItsFilesDoneHasThemTakenOnlyOnceTheMarkerIsThere() throws IOException {
        JsonNode result = takenOnlyAfter("marked", "marked.json", "marked.json",
                folder -> Files.writeString(folder.resolve("marked.json.done"), ""));

        assertThat(result.path("completed").asInt()).isEqualTo(1);
        Path marker = dataDir.resolve("marked/inbox/marked.json.done");
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(marker));
    }

    @Test
    void aPartnerThatUploadsUnderATemporaryPrefixHasItsFilesTakenOnlyOnceRenamed() throws IOException {
        JsonNode result = takenOnlyAfter("renaming", "tmp_renamed.json", "renamed.json",
                folder -> Files.move(folder.resolve("tmp_renamed.json"), folder.resolve("renamed.json")));

        assertThat(result.path("completed").asInt()).isEqualTo(1);
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenUntilItIsComplete() throws Exception {
        Path file = inbox.resolve("slow.json");
        String content = orders("S-1", "S-2", "S-3");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            int step = bytes.length / 10;
            for (int i = 0; i < 10; i++) {
                out.write(bytes, i * step, step);
                out.flush();
                Thread.sleep(150); // an ERP writing slowly: the file keeps changing for 1.5 s
                assertThat(fixtures.count("message")).as("taken while still being written").isZero();
            }
            out.write(bytes, 10 * step, bytes.length - 10 * step);
        }

        JsonNode result = awaitResult("slow.json");

        assertThat(result.path("completed").asInt()).isEqualTo(3);
    }
}
