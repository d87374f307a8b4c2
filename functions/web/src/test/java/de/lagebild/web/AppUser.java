package de.lagebild.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One person in their own browser context (own cookies, IndexedDB, service worker), using the app as a person would. */
final class AppUser implements AutoCloseable {

    final String username;
    final BrowserContext context;
    Page page;
    final List<String> consoleErrors = new ArrayList<>();

    AppUser(Browser browser, String username, int width, int height) {
        this(browser, username, new Browser.NewContextOptions().setViewportSize(width, height));
    }

    /** With the browser's geolocation emulated at a place, and the permission to read it granted. */
    AppUser(Browser browser, String username, int width, int height, double lat, double lon) {
        this(browser, username, new Browser.NewContextOptions().setViewportSize(width, height)
                .setGeolocation(new Geolocation(lat, lon).setAccuracy(8)).setPermissions(List.of("geolocation")));
    }

    private AppUser(Browser browser, String username, Browser.NewContextOptions options) {
        this(browser.newContext(options.setLocale("de-DE")), username);
    }

    /** In a context made elsewhere, such as a profile on disk (its first page, which Chromium opens with it). */
    AppUser(BrowserContext context, String username) {
        this.username = username;
        this.context = context;
        // A shared two-core machine can be slow: wait generously, the assertions still wait for exact states.
        context.setDefaultTimeout(60_000);
        this.page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        watch(page);
    }

    private void watch(Page p) {
        p.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
    }

    /** Through the real Keycloak login page. */
    void signIn(String appUrl) {
        page.navigate(appUrl);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click();
        page.locator("#username").fill(username);
        page.locator("#password").fill("test");
        page.locator("#kc-login").click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Einsatzräume")))
                .isVisible();
        awaitOnline();
    }

    void awaitOnline() {
        page.waitForFunction("() => window.lagebildStream && window.lagebildStream.caughtUp");
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
    }

    void openRoomItem(String roomName) {
        link(roomName).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(roomName))).isVisible();
    }

    void openChat(String chatName) {
        link(chatName).click();
        PlaywrightAssertions.assertThat(page.locator(".chat-head h2")).hasText(chatName);
    }

    void send(String text) {
        page.getByLabel("Nachricht schreiben").fill(text);
        page.getByLabel("Nachricht schreiben").press("Enter");
    }

    /** Acknowledged messages (not the outbox) with exactly this text. */
    Locator message(String text) {
        return page.locator(".message-list .message:not(.outbox) .body", new Page.LocatorOptions().setHasText(text));
    }

    Locator pending() {
        return page.locator(".message-list .message.outbox");
    }

    long streamStat(String name) {
        return ((Number) page.evaluate("n => window.lagebildStream[n]", name)).longValue();
    }

    /** The seq of the first event the current socket replayed in the room before it caught up; -1: none. */
    long firstReplayedSeq(String roomId) {
        return ((Number) page.evaluate("r => window.lagebildStream.firstReplayedSeq[r] ?? -1", roomId)).longValue();
    }

    /** The stream's counters and this socket's hello cursors, for a failure's message. */
    Object streamStats() {
        return page.evaluate("() => JSON.stringify(window.lagebildStream)");
    }

    void reload() {
        page.reload();
        awaitOnline();
    }

    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
    }

    @Override
    public void close() {
        context.close();
    }
}
