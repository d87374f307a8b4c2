package de.lagebild.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Push in the browser against the packaged chat, push and web functions ({@link WebStack#withPush}).
 * The app asks for the notification permission only when the user turns notifications on with the
 * switch in the top bar, never on the first load; Chromium then subscribes at its push service with
 * the push function's VAPID key ({@link LocalGcm} stands in for Google's on loopback) and the app
 * registers the subscription at the push function, once however often it signs in; switched off,
 * the device is removed. A click on a notification shows its alarm or its chat in the window already
 * open, without reloading it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPushSubscriptionIT {

    private static final String USER = "officer6";
    private static final String LEAD = "lead2";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Counts the page's questions for the notification permission, in the tab's session storage (it outlives the sign-in's redirects and reloads). */
    private static final String COUNT_PERMISSION_REQUESTS = """
            if (window.Notification) {
              const ask = Notification.requestPermission.bind(Notification);
              Notification.requestPermission = (...args) => {
                sessionStorage.setItem('permissionRequests', String(Number(sessionStorage.getItem('permissionRequests') || 0) + 1));
                return ask(...args);
              };
            }""";

    private final VapidKeyPair vapid = VapidKeyPair.generate();
    private final List<Path> profiles = new ArrayList<>();
    private WebStack stack;
    private Chromium chromium;

    @BeforeAll
    void start() throws Exception {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        stack = WebStack.withPush(vapid);
        chromium = new Chromium();
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (stack != null) {
            stack.close();
        }
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    void theSwitchAsksForPermissionRegistersThisBrowserOnceAndRemovesItWhenSwitchedOff() throws Exception {
        removeDevicesOfUser();
        Path directory = newProfile();
        try (LocalGcm gcm = new LocalGcm(); BrowserContext profile = chromium.persistentProfile(directory, gcm.chromiumArgs(), 1440, 900)) {
            profile.addInitScript(COUNT_PERMISSION_REQUESTS);
            AppUser user = new AppUser(profile, USER);
            user.signIn(stack.url());
            Locator toggle = user.page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Benachrichtigungen"));
            PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-checked", "false");
            // Neither the first load nor another action asks.
            user.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Einsatzräume")).click();
            assertThat(permissionRequests(user)).isZero();
            assertThat(user.page.evaluate("() => Notification.permission")).isEqualTo("default");
            assertThat(devicesOfUser()).isEmpty();
            user.screenshot(SCREENSHOTS.resolve("desktop-push-off.png"));

            // The user says yes to the question the switch asks (headless Chromium shows none; Playwright answers it).
            profile.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(WebStack.ORIGIN));
            Response registered = user.page.waitForResponse(WebPushSubscriptionIT::isRegistration, toggle::click);
            assertThat(registered.status()).isEqualTo(201);
            PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-checked", "true");
            PlaywrightAssertions.assertThat(toggle).hasText("Benachrichtigungen an");
            assertThat(permissionRequests(user)).isEqualTo(1);

            String endpoint = (String) user.page.evaluate(
                    "async () => (await (await navigator.serviceWorker.ready).pushManager.getSubscription()).endpoint");
            String subscribedWith = (String) user.page.evaluate("""
                    async () => {
                      const s = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
                      return btoa(String.fromCharCode(...new Uint8Array(s.options.applicationServerKey)))
                          .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
                    }""");
            assertThat(subscribedWith).isEqualTo(vapid.publicKey());
            assertThat(gcm.registrationsFor(vapid.publicKey())).hasSize(1);
            // Debian's Chromium has no Google API keys: its endpoints are at jmt17.google.com, Google Chrome's at fcm.googleapis.com.
            assertThat(endpoint).matches("https://(jmt17\\.google\\.com|fcm\\.googleapis\\.com)/fcm/send/local-gcm-\\d+");
            List<JsonNode> devices = devicesOfUser();
            assertThat(devices).singleElement().satisfies(device -> {
                assertThat(device.get("kind").asText()).isEqualTo("web_push");
                assertThat(device.get("endpoint").asText()).isEqualTo(endpoint);
            });
            String deviceId = devices.get(0).get("id").asText();
            user.screenshot(SCREENSHOTS.resolve("desktop-push-on.png"));
            user.page.setViewportSize(390, 844);
            user.screenshot(SCREENSHOTS.resolve("phone-push-on.png"));
            user.page.setViewportSize(1440, 900);

            // A reload signs in again and registers the same subscription again: still the one device, no new question.
            Response again = user.page.waitForResponse(WebPushSubscriptionIT::isRegistration, user::reload);
            assertThat(again.status()).isEqualTo(200);
            PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-checked", "true");
            assertThat(devicesOfUser()).singleElement().satisfies(device -> assertThat(device.get("id").asText()).isEqualTo(deviceId));
            assertThat(gcm.registrationsFor(vapid.publicKey())).hasSize(1);
            assertThat(permissionRequests(user)).isEqualTo(1);

            Response removed = user.page.waitForResponse(response -> "DELETE".equals(response.request().method())
                    && response.url().endsWith("/v1/push/devices/" + deviceId), toggle::click);
            assertThat(removed.status()).isEqualTo(204);
            PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-checked", "false");
            assertThat(devicesOfUser()).isEmpty();
            assertThat(user.page.evaluate("async () => (await (await navigator.serviceWorker.ready).pushManager.getSubscription()) === null"))
                    .isEqualTo(true);

            // Off stays off across a reload, although the browser still allows notifications.
            user.reload();
            PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-checked", "false");
            assertThat(devicesOfUser()).isEmpty();
            assertThat(gcm.registrationsFor(vapid.publicKey())).hasSize(1);
            user.consoleErrors.forEach(error -> System.out.println("console: " + error));
        }
        if (Boolean.getBoolean("lagebild.test.update-screenshots")) {
            for (String name : List.of("desktop-push-off.png", "desktop-push-on.png", "phone-push-on.png")) {
                Files.copy(SCREENSHOTS.resolve(name), Path.of("docs").resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void aClickOnANotificationShowsItsAlarmOrItsChatInTheWindowAlreadyOpen() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String roomName = "Lage Hafen " + run;
        String chatName = "Abschnitt Nord " + run;
        String userId = Rest.ok("GET", stack.chatUrl() + "/v1/me", USER, null).get("id").asText();
        String roomId = Rest.ok("POST", stack.chatUrl() + "/v1/rooms", LEAD,
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"" + roomName + "\"}").get("id").asText();
        Rest.ok("POST", stack.chatUrl() + "/v1/rooms/" + roomId + "/members", LEAD, "{\"userId\":\"" + userId + "\",\"role\":\"member\"}");
        String chatId = Rest.ok("POST", stack.chatUrl() + "/v1/rooms/" + roomId + "/chats", LEAD, "{\"clientId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"" + chatName + "\",\"memberIds\":[\"" + userId + "\"]}").get("id").asText();
        String alarmId = Rest.ok("POST", stack.chatUrl() + "/v1/alarms", LEAD, "{\"clientId\":\"" + UUID.randomUUID()
                + "\",\"kind\":\"emergency\",\"roomIds\":[\"" + roomId + "\"]}").get("id").asText();
        Path directory = newProfile();
        try (BrowserContext profile = chromium.persistentProfile(directory, List.of(ServiceWorkerDevTools.ARG), 390, 844)) {
            AppUser user = new AppUser(profile, USER);
            user.signIn(stack.url());
            user.context.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(WebStack.ORIGIN));
            ServiceWorkerPushes worker = ServiceWorkerPushes.of(user.context, user.page, WebStack.ORIGIN);
            // Gone if the page were loaded again.
            user.page.evaluate("() => { window.openBeforeTheClicks = true; }");

            ServiceWorkerDevTools.Evaluation alarmClick = worker.armClick(directory, alarmId);
            worker.deliver("{\"kind\":\"alarm\",\"priority\":\"urgent\",\"title\":\"Notruf\",\"body\":\"Notruf in " + roomName
                    + "\",\"eventId\":\"" + UUID.randomUUID() + "\",\"roomId\":\"" + roomId + "\",\"alarmId\":\"" + alarmId + "\"}");
            alarmClick.result();
            PlaywrightAssertions.assertThat(user.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(roomName))).isVisible();
            PlaywrightAssertions.assertThat(user.page).hasURL(Pattern.compile(".*#/r/" + roomId + "$"));
            PlaywrightAssertions.assertThat(user.page.locator(".alarm-banner .alarm[data-alarm-id='" + alarmId + "']")).isVisible();
            worker.awaitShown(alarmId, 0);
            user.screenshot(SCREENSHOTS.resolve("phone-push-alarm-opened.png"));

            ServiceWorkerDevTools.Evaluation chatClick = worker.armClick(directory, chatId);
            worker.deliver("{\"kind\":\"message\",\"priority\":\"urgent\",\"title\":\"" + chatName + "\",\"body\":\"Dringende Nachricht in "
                    + chatName + "\",\"eventId\":\"" + UUID.randomUUID() + "\",\"roomId\":\"" + roomId + "\",\"chatId\":\"" + chatId + "\"}");
            chatClick.result();
            PlaywrightAssertions.assertThat(user.page.locator(".chat-head h2")).hasText(chatName);
            PlaywrightAssertions.assertThat(user.page).hasURL(Pattern.compile(".*#/r/" + roomId + "/c/" + chatId + "$"));
            worker.awaitShown(chatId, 0);
            user.screenshot(SCREENSHOTS.resolve("phone-push-chat-opened.png"));

            assertThat(user.page.evaluate("() => window.openBeforeTheClicks === true")).as("the window was not reloaded").isEqualTo(true);
            assertThat(user.context.pages()).as("no other window opened").hasSize(1);
        } finally {
            Rest.ok("POST", stack.chatUrl() + "/v1/alarms/" + alarmId + "/resolve", LEAD, null);
        }
    }

    /** A profile on disk: Chromium has no push in the incognito contexts {@code Browser.newContext} makes. */
    private Path newProfile() throws Exception {
        Path directory = Files.createTempDirectory("lagebild-push-profile");
        profiles.add(directory);
        return directory;
    }

    private static boolean isRegistration(Response response) {
        return "POST".equals(response.request().method()) && response.url().endsWith("/v1/push/devices/web-push");
    }

    private static long permissionRequests(AppUser user) {
        return Long.parseLong((String) user.page.evaluate("() => sessionStorage.getItem('permissionRequests') || '0'"));
    }

    private List<JsonNode> devicesOfUser() {
        List<JsonNode> devices = new ArrayList<>();
        Rest.ok("GET", stack.pushUrl() + "/v1/push/devices", USER, null).forEach(devices::add);
        return devices;
    }

    private void removeDevicesOfUser() {
        for (JsonNode device : devicesOfUser()) {
            Rest.ok("DELETE", stack.pushUrl() + "/v1/push/devices/" + device.get("id").asText(), USER, null);
        }
    }
}
