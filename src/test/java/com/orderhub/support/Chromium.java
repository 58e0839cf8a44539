package com.orderhub.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through Debian's driver (installed by .ci/run): nothing is looked up or downloaded. */
public final class Chromium {

    private Chromium() {
    }

    public static ChromeDriver start() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1600,1000", "--user-data-dir=" + Files.createTempDirectory("orderhub-it-chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    public static void screenshot(WebDriver browser, Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }
}
