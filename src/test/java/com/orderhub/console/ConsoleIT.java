package com.orderhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.api.Digests;
import com.orderhub.support.Chromium;
import com.orderhub.support.Fixtures;
import com.orderhub.support.HubApi;
import com.orderhub.support.HubProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console as an operator meets it: the packaged hub (embedded profile) with the
 * console on, Hawtio in headless Chromium (the Debian packages that .ci/run installs). Nothing
 * answers without the operator's password; with it, the Camel tab lists the hub's routes with
 * their statistics and draws the order intake's flow. Screenshots are kept in target/console.
 */
class ConsoleIT {

    private static final Path SCREENSHOTS = Path.of("target/console");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void theOperatorLogsInAndSeesTheRoutesTheirStatisticsAndTheirFlow() throws Exception {
        String password = "console-" + UUID.randomUUID();
        String passwordSha256 = Digests.sha256Hex(password);
        int port = HubProcess.freePort();
        String hub = "http://localhost:" + port;
        HubProcess process = HubProcess.start(port,
                List.of("--orderhub.data-dir=" + dataDir, "--orderhub.console.enabled=true"),
                Map.of("ORDERHUB_CONSOLE_PASSWORDSHA256", passwordSha256), dataDir.resolve("hub.log"));
        try {
            for (String path : List.of("/actuator/hawtio/", "/actuator/jolokia/version", "/actuator/hawtio/jolokia/version")) {
                for (String authorization : new String[] {null, basic("operator:wrong"), basic("admin:" + password),
                        "Bearer demo-key"}) {
                    HttpResponse<String> refused = get(hub + path, authorization);
                    assertThat(refused.statusCode()).as("%s with %s", path, authorization).isEqualTo(401);
                    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue(OperatorAuthentication.CHALLENGE);
                }
            }
            assertThat(get(hub + "/actuator/jolokia/version", basic("operator:" + password)).statusCode()).isEqualTo(200);
            HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/actuator/jolokia/"))
                    .header("Authorization", basic("operator:" + password)).header("Sec-Fetch-Site", "cross-site")
                    .header("Sec-Fetch-Mode", "no-cors").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as("a page of another site posting with the cached credentials").isEqualTo(403);

            // one order through the API, so the statistics have something to count
            HttpResponse<String> accepted = new HubApi(hub + "/api/database/v1", "demo-key")
                    .post("/Order/create", "[" + Fixtures.orderJson("CONSOLE-1") + "]");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);

            WebDriver browser = Chromium.start();
            try {
                ((HasAuthentication) browser).register(UsernameAndPassword.of("operator", password));
                browser.get(hub + "/actuator/hawtio/camel");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                wait.until(ExpectedConditions.presenceOfElementLocated(treeNode("order-intake")));
                wait.until(ExpectedConditions.presenceOfElementLocated(treeNode("accept-orders")));

                browser.findElement(treeNode("routes")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Completed"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "accept-orders"));
                Chromium.screenshot(browser, SCREENSHOTS, "hawtio-routes.png");

                browser.findElement(treeNode("order-intake")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                        "org.apache.camel:context=orderhub,type=routes,name=\"order-intake\""));
                wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())='Route Diagram']")))
                        .click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".react-flow__node")));
                Chromium.screenshot(browser, SCREENSHOTS, "hawtio-order-intake-diagram.png");
            } finally {
                browser.quit();
            }
        } finally {
            process.stop();
            Files.createDirectories(SCREENSHOTS);
            Files.copy(process.log(), SCREENSHOTS.resolve("hub.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A node of Hawtio's tree on the left (the context, its routes folder, each route). */
    private static By treeNode(String label) {
        return By.xpath("//*[contains(@class, 'tree-view')]//*[normalize-space(text())='" + label + "']");
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
