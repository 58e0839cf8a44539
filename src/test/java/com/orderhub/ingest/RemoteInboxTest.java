package com.orderhub.ingest;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import com.orderhub.support.ApiTestSupport;
import com.orderhub.support.FileServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partners whose inbox is on an SFTP server (password and public-key login) or an FTP server,
 * both running inside the test JVM (FileServers): the ERP drops a file on its server, the hub
 * takes it, stores its orders and puts the result file back on the server.
 */
class RemoteInboxTest extends ApiTestSupport {

    @BeforeEach
    void referenceData() {
        fixtures.referenceData(DEMO, "demo");
    }

    private JsonNode dropAndAwaitResult(Path root, String inbox, String results, String name, String... idRemotes)
            throws IOException {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < idRemotes.length; i++) {
            body.append(i == 0 ? "" : ",").append(orderJson(idRemotes[i]));
        }
        Path part = root.resolve(inbox).resolve(name + ".part");
        Files.writeString(part, body.append(']').toString());
        Files.move(part, root.resolve(inbox).resolve(name));
        Path result = root.resolve(results).resolve(name + ".result.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(root.resolve(inbox).resolve(".done").resolve(name)));
        return ApiJson.MAPPER.readTree(result.toFile());
    }

    @Test
    void aFileOnSftpWithPasswordLoginIsIngestedAndAnswered() throws IOException {
        JsonNode result = dropAndAwaitResult(FileServers.sftpRoot(), "inbox", "results", "sftp-1.json", "S-1", "S-2");

        assertThat(result.path("partner").asText()).isEqualTo("sftp");
        assertThat(result.path("completed").asInt()).isEqualTo(2);
        assertThat(get("/Order/get/S-1").json().path("data").path("origin").asText()).isEqualTo("file:sftp-1.json");
    }

    @Test
    void aFileOnSftpWithPublicKeyLoginIsIngestedAndAnswered() throws IOException {
        JsonNode result = dropAndAwaitResult(FileServers.sftpRoot(), "keyinbox", "keyresults", "key-1.json", "K-1");

        assertThat(result.path("partner").asText()).isEqualTo("sftpkey");
        assertThat(result.path("completed").asInt()).isEqualTo(1);
    }

    @Test
    void aFileOnFtpIsIngestedAndAnswered() throws IOException {
        JsonNode result = dropAndAwaitResult(FileServers.ftpRoot(), "inbox", "results", "ftp-1.json", "P-1", "P-2", "P-3");

        assertThat(result.path("partner").asText()).isEqualTo("ftp");
        assertThat(result.path("completed").asInt()).isEqualTo(3);
        assertThat(fixtures.count("orders")).isEqualTo(3);
    }
}
