package com.orderhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderhub.api.ApiJson;
import com.orderhub.support.Fixtures;
import com.orderhub.support.HubApi;
import com.orderhub.support.HubProcess;
import com.orderhub.support.RealFileServers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ERP files through the servers ERPs run, OpenSSH's sshd and vsftpd ({@link RealFileServers}),
 * to the packaged hub (embedded profile): uploads as slow as a bad link under the final name, a
 * corrected file under a known name and size, an identical re-send, a marker file, a hub killed
 * in the middle of a 20,000-order file, and exports to a pinned SFTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealFileServersIT {

    /** How long a file's size and time must stay put; the uploads pause half of it between writes. */
    private static final Duration STABLE_FOR = Duration.ofSeconds(4);
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final String NEVER = "0 0 0 1 1 ? 2099";

    private Path dataDir;
    private RealFileServers servers;
    private HubProcess hub;
    private HubApi api;
    private Path logs;
    private int port;
    private final List<String> args = new ArrayList<>();

    /** An inbox of each kind on the real servers, and how the ERP uploads to it. */
    enum Inbox {
        SFTP, FTP;

        String partner() {
            return "erp" + name().toLowerCase();
        }

        void upload(RealFileServers servers, String name, String content, int parts) throws Exception {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (this == SFTP) {
                servers.sftpUpload(partner() + "-inbox", name, bytes, parts, PAUSE);
            } else {
                servers.ftpUpload(partner() + "-inbox", name, bytes, parts, PAUSE);
            }
        }
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        this.dataDir = dataDir;
        logs = Files.createDirectories(Path.of("target", "real-servers-logs"));
        servers = RealFileServers.start(logs.resolve("servers-" + ProcessHandle.current().pid()));
        port = HubProcess.freePort();
        args.addAll(List.of("--orderhub.data-dir=" + dataDir, "--orderhub.ingest.lease=3s",
                "--orderhub.ingest.poll-ms=500", "--orderhub.ingest.result-poll-ms=500",
                // one consumer and a queue of four messages: a file is read no faster than it is
                // stored, so a hub killed with 1,000 orders stored is killed in the middle of the read
                "--orderhub.intake.consumers=1",
                "--orderhub.queue.publish-uri=seda:order-intake?size=4&blockWhenFull=true&waitForTaskToComplete=Never",
                "--orderhub.queue.consume-uri=seda:order-intake?size=4&concurrentConsumers=1"));
        args.addAll(partner("erpsftp", sftp("erpsftp-inbox", "&localWorkDirectory=" + dataDir.resolve("work/erpsftp")),
                sftp("erpsftp-results", "")));
        args.addAll(partner("erpftp", ftp("erpftp-inbox", "&localWorkDirectory=" + dataDir.resolve("work/erpftp")),
                ftp("erpftp-results", "")));
        args.addAll(partner("erpmarked", sftp("erpmarked-inbox", ""), sftp("erpmarked-results", "")));
        args.add("--orderhub.partners.erpmarked.ready.done-file=$simple{file:name}.done");
        args.addAll(partner("erprenaming", sftp("erprenaming-inbox", ""), sftp("erprenaming-results", "")));
        args.add("--orderhub.partners.erprenaming.ready.temp-suffix=.part");
        args.addAll(exporter("erpexport", servers.knownHosts()));
        args.addAll(exporter("erpimpostor", servers.otherKnownHosts()));
        hub = HubProcess.start(port, args, java.util.Map.of(), logs.resolve("hub-" + port + ".log"));
        api = new HubApi("http://localhost:" + port + "/api/database/v1", "demo-key");
        api.createReferenceData();
    }

    @AfterAll
    void stop() throws Exception {
        if (hub != null) {
            hub.stop();
        }
        if (servers != null) {
            servers.close();
        }
    }

    private List<String> partner(String partner, String inboxUri, String resultsUri) throws IOException {
        servers.folder(partner + "-inbox");
        servers.folder(partner + "-results");
        String at = "--orderhub.partners." + partner + ".";
        return List.of(at + "tenant=demo", at + "inbox-uri=" + inboxUri, at + "results-uri=" + resultsUri,
                at + "ready.stable-for=" + STABLE_FOR.toSeconds() + "s");
    }

    /** A partner whose exports go to the real SFTP server, whose host key it pins with {@code knownHosts}. */
    private List<String> exporter(String partner, Path knownHosts) throws IOException {
        servers.folder(partner + "-outbox");
        String at = "--orderhub.partners." + partner + ".";
        return List.of(at + "tenant=demo", at + "inbox-uri=file:" + dataDir.resolve(partner + "/inbox"),
                at + "results-uri=file:" + dataDir.resolve(partner + "/results"), at + "export.cron=" + NEVER,
                at + "export.outbox-uri=sftp://" + RealFileServers.USER + "@127.0.0.1:" + servers.sftpPort() + "/"
                        + servers.path(partner + "-outbox") + "?privateKeyFile=" + servers.clientKey()
                        + "&knownHostsFile=" + knownHosts + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false");
    }

    /** The tests' SFTP endpoints skip host-key checks (the export tests pin it, as production does). */
    private String sftp(String folder, String options) {
        return "sftp://" + RealFileServers.USER + "@127.0.0.1:" + servers.sftpPort() + "/" + servers.path(folder)
                + "?privateKeyFile=" + servers.clientKey() + "&strictHostKeyChecking=no&useUserKnownHostsFile=false"
                + options;
    }

    private String ftp(String folder, String options) {
        return "ftp://" + RealFileServers.USER + "@127.0.0.1:" + servers.ftpPort() + "/" + servers.path(folder)
                + "?password=" + RealFileServers.PASSWORD + "&passiveMode=true" + options;
    }

    private static String orders(String prefix, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",\n").append(Fixtures.orderJson(prefix + "-" + i));
        }
        return json.append("]").toString();
    }

    /** The result file of {@code name} once it is on the server (deleted there, so a later one is new). */
    private JsonNode takeResult(String partner, String name) throws IOException {
        Path result = servers.folder(partner + "-results").resolve(name + ".result.json");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(result));
        JsonNode json = ApiJson.MAPPER.readTree(Files.readString(result));
        Files.delete(result);
        return json;
    }

    /** Creates the order through the API and waits until the intake has stored it. */
    private void createAndStore(String idRemote) throws Exception {
        HttpResponse<String> accepted = api.post("/Order/create", "[" + Fixtures.orderJson(idRemote) + "]");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String statusUrl = ApiJson.MAPPER.readTree(accepted.body()).path("statusUrl").asText()
                .replaceFirst("http://localhost:\\d+", "");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.getJson(statusUrl).path("data").get(0).path("status").asText().equals("completed"));
    }

    /** The stored order of a result file's entry. */
    private JsonNode storedOrder(JsonNode entry) throws Exception {
        return api.getJson("/Order/get/" + entry.path("id").asText()).path("data");
    }

    @ParameterizedTest
    @EnumSource(Inbox.class)
    void aSlowUploadUnderItsFinalNameIsTakenOnlyOnceComplete(Inbox inbox) throws Exception {
        String name = "slow-" + inbox + ".json";
        // pauses twice as long as the one-second check that took such files half-written
        inbox.upload(servers, name, orders("SLOW-" + inbox, 60), 4);

        JsonNode result = takeResult(inbox.partner(), name);

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("done");
        assertThat(result.path("completed").asInt()).isEqualTo(60);
        assertThat(servers.folder(inbox.partner() + "-inbox").resolve(".done").resolve(name)).exists();
    }

    @ParameterizedTest
    @EnumSource(Inbox.class)
    void aCorrectedFileUnderTheSameNameAndSizeIsStoredAsANewFile(Inbox inbox) throws Exception {
        String name = "corrected-" + inbox + ".json";
        ObjectNode order = Fixtures.orderJson("FIX-" + inbox);
        order.put("clientId", "CL-9");
        inbox.upload(servers, name, "[" + order + "]", 1);
        JsonNode first = takeResult(inbox.partner(), name);
        assertThat(first.path("failed").asInt()).as(first.toString()).isEqualTo(1);

        // the ERP fixes the client reference and sends the file again: same name and size, other bytes
        order.put("clientId", "CL-1");
        inbox.upload(servers, name, "[" + order + "]", 1);
        JsonNode second = takeResult(inbox.partner(), name);

        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("done");
        assertThat(second.path("completed").asInt()).isEqualTo(1);
        assertThat(second.path("messageId").asText()).isNotEqualTo(first.path("messageId").asText());
        assertThat(storedOrder(second.path("data").get(0)).path("client").path("idRemote").asText()).isEqualTo("CL-1");
    }

    @Test
    void anIdenticalResendIsAnsweredAsADuplicateOfTheFirstAndNotStoredAgain() throws Exception {
        String content = orders("AGAIN", 3);
        Inbox.SFTP.upload(servers, "again.json", content, 1);
        JsonNode first = takeResult("erpsftp", "again.json");
        JsonNode before = storedOrder(first.path("data").get(0));

        Inbox.SFTP.upload(servers, "again.json", content, 1);
        JsonNode again = takeResult("erpsftp", "again.json");

        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("duplicate");
        assertThat(again.path("duplicateOf").path("file").asText()).isEqualTo("again.json");
        assertThat(again.path("duplicateOf").path("messageId").asText()).isEqualTo(first.path("messageId").asText());
        assertThat(again.path("error").asText()).startsWith("The file has the same bytes as again.json, taken at ");
        assertThat(storedOrder(first.path("data").get(0)).path("updatedAt")).as("not stored again")
                .isEqualTo(before.path("updatedAt"));
    }

    @Test
    void aMarkedFileIsTakenOnlyOnceItsMarkerIsThereHoweverLongTheUploadPauses() throws Exception {
        byte[] content = orders("MARKED", 40).getBytes(StandardCharsets.UTF_8);
        // a pause longer than stable-for: only the marker tells the file is complete
        servers.sftpUpload("erpmarked-inbox", "marked.json", content, 2, STABLE_FOR.plus(PAUSE));
        servers.sftpUpload("erpmarked-inbox", "marked.json.done", new byte[0], 1, Duration.ZERO);

        JsonNode result = takeResult("erpmarked", "marked.json");

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("done");
        assertThat(result.path("completed").asInt()).isEqualTo(40);
    }

    @Test
    void aFileUploadedUnderATemporarySuffixIsTakenOnceRenamed() throws Exception {
        byte[] content = orders("RENAMED", 40).getBytes(StandardCharsets.UTF_8);
        servers.sftpUpload("erprenaming-inbox", "renamed.json.part", content, 2, STABLE_FOR.plus(PAUSE));
        servers.sftpRename("erprenaming-inbox", "renamed.json.part", "renamed.json");

        JsonNode result = takeResult("erprenaming", "renamed.json");

        assertThat(result.path("completed").asInt()).as(result.toString()).isEqualTo(40);
    }

    @Test
    void anExportGoesToTheSftpServerWhoseHostKeyIsPinned() throws Exception {
        createAndStore("EXPORTED-1");

        HttpResponse<String> response = api.post("/export/erpexport/run", "");

        JsonNode run = ApiJson.MAPPER.readTree(response.body());
        assertThat(run.path("outcome").asText()).as(response.body()).isEqualTo("delivered");
        Path delivered = servers.folder("erpexport-outbox").resolve(run.path("file").asText());
        assertThat(delivered).exists();
        assertThat(Files.readString(delivered)).contains("\"EXPORTED-1\"");
    }

    @Test
    void anExportToAServerWithAnotherHostKeyIsRefusedAndLeavesTheWatermark() throws Exception {
        createAndStore("IMPOSTOR-1");

        JsonNode run = ApiJson.MAPPER.readTree(api.post("/export/erpimpostor/run", "").body());

        assertThat(run.path("outcome").asText()).as(run.toString()).isEqualTo("failed");
        assertThat(run.path("error").asText()).isEqualTo("Cannot connect to sftp://" + RealFileServers.USER
                + "@127.0.0.1:" + servers.sftpPort() + ": HostKey has been changed: [127.0.0.1]:" + servers.sftpPort());
        assertThat(run.path("export").path("watermark").asLong()).isZero();
        try (Stream<Path> files = Files.list(servers.folder("erpimpostor-outbox"))) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Inbox.class)
    void aHubKilledInTheMiddleOfALargeFileFinishesItAfterItsRestartWithEveryOrderOnce(Inbox inbox) throws Exception {
        int count = 20_000;
        String name = "large-" + inbox + ".json";
        String prefix = "BIG-" + inbox;
        int before = api.getJson("/Order/getOrder?pageSize=1").path("pagination").path("totalItems").asInt();
        inbox.upload(servers, name, orders(prefix, count), 1);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                api.getJson("/Order/getOrder?pageSize=1").path("pagination").path("totalItems").asInt() - before > 1_000);

        hub.kill();
        assertThat(Files.readString(hub.log())).as("killed before the file was read whole")
                .doesNotContain("File " + name + " of partner " + inbox.partner() + " queued");
        hub = HubProcess.start(port, args, java.util.Map.of(), logs.resolve("hub-" + port + "-after-kill-" + inbox + ".log"));

        JsonNode result = takeResult(inbox.partner(), name);
        assertThat(result.path("status").asText()).as("status").isEqualTo("done");
        assertThat(result.path("completed").asInt()).isEqualTo(count);
        Set<String> idRemotes = new HashSet<>(result.path("data").findValuesAsText("idRemote"));
        assertThat(idRemotes).hasSize(count);
        assertThat(api.getJson("/Order/getOrder?pageSize=1").path("pagination").path("totalItems").asInt() - before)
                .isEqualTo(count);
        assertThat(Files.readString(hub.log())).contains("File " + name + " of partner " + inbox.partner()
                + " was being read when its hub stopped: finishing message " + result.path("messageId").asText());
        try (Stream<Path> work = Files.list(dataDir.resolve("work").resolve(inbox.partner()))) {
            assertThat(work).as("the local work copy is removed").isEmpty();
        }
        assertThat(servers.folder(inbox.partner() + "-inbox").resolve(".done").resolve(name)).exists();
    }
}
