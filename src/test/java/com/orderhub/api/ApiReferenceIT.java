package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.support.Chromium;
import com.orderhub.support.HubProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API reference as a client's developer opens it: the packaged hub's /api-docs/ in headless
 * Chromium renders the served OpenAPI document (Swagger UI from its webjar), every operation with
 * its summary and operationId. The screenshot is kept in target/api-docs.
 */
class ApiReferenceIT {

    @TempDir
    Path dataDir;

    @Test
    void theReferencePagesShowEveryOperationOfTheDocument() throws Exception {
        int port = HubProcess.freePort();
        HubProcess hub = HubProcess.start(port, List.of("--orderhub.data-dir=" + dataDir), Map.of(),
                dataDir.resolve("hub.log"));
        try {
            WebDriver browser = Chromium.start();
            try {
                browser.get("http://localhost:" + port + "/api-docs/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".opblock"), 26));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "accept-orders"));

                String page = browser.findElement(By.tagName("body")).getText();
                assertThat(page).contains("OrderHub Order API", "/Order/create",
                        "Queue orders for creation; their outcome is at the statusUrl", "Authorize");
                Chromium.screenshot(browser, Path.of("target/api-docs"), "swagger-ui.png");
            } finally {
                browser.quit();
            }
        } finally {
            hub.stop();
        }
    }
}
