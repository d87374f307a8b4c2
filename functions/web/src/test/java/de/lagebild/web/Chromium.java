package de.lagebild.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Chromium driven by Playwright for Java; Playwright never downloads a browser here. */
final class Chromium implements AutoCloseable {

    final Playwright playwright;
    final Browser browser;

    Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("lagebild.test.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic",
                        // WebGL for the map without a GPU: Chromium's software renderer (SwiftShader), asked for explicitly.
                        "--use-angle=swiftshader", "--enable-unsafe-swiftshader")));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
