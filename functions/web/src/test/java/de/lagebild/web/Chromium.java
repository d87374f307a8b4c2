package de.lagebild.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's Chromium driven by Playwright for Java; Playwright never downloads a browser here. */
final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of(System.getProperty("lagebild.test.chromium", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
            // WebGL for the map without a GPU: Chromium's software renderer (SwiftShader), asked for explicitly.
            "--use-angle=swiftshader", "--enable-unsafe-swiftshader");

    final Playwright playwright;
    final Browser browser;

    Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
    }

    /**
     * A second browser with a profile on disk ({@code Browser.newContext} makes incognito contexts, which
     * have no push), with switches of its own besides; German, at the given viewport.
     */
    BrowserContext persistentProfile(Path directory, List<String> extraArgs, int width, int height) {
        List<String> args = new ArrayList<>(ARGS);
        args.addAll(extraArgs);
        return playwright.chromium().launchPersistentContext(directory, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(args).setLocale("de-DE").setViewportSize(width, height));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
