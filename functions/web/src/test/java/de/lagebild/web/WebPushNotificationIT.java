package de.lagebild.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import de.lagebild.common.testing.PackagedFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The service worker shows the push function's pushes: a push delivered through the DevTools
 * protocol ({@code ServiceWorker.deliverPushMessage}, as a push service would) becomes a
 * notification with the payload's title and body, tagged by its chat or alarm, leading to it. A
 * normal push is not shown while the app's window is visible and focused; an urgent one always is.
 */
class WebPushNotificationIT {

    private static final String ROOM = "0193a3b4-0000-7000-8000-000000000001";
    private static final String CHAT = "0193a3b4-0000-7000-8000-000000000002";
    private static final String ALARM = "0193a3b4-0000-7000-8000-000000000003";

    @Test
    void pushesBecomeNotificationsThatLeadToTheChatOrTheAlarm() throws Exception {
        int port = PackagedFunction.freePort();
        String origin = "http://127.0.0.1:" + port;
        try (PackagedFunction web = PackagedFunction.start("web-push-it", Path.of("."), port,
                List.of("-Dquarkus.http.host=127.0.0.1"));
                Chromium chromium = new Chromium();
                BrowserContext context = chromium.browser.newContext()) {
            assertThat(web.port()).isEqualTo(port);
            context.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(origin));
            Page page = context.newPage();
            CDPSession devtools = context.newCDPSession(page);
            AtomicReference<String> registration = new AtomicReference<>();
            devtools.on("ServiceWorker.workerRegistrationUpdated", event -> event.getAsJsonArray("registrations")
                    .forEach(r -> registration.set(r.getAsJsonObject().get("registrationId").getAsString())));
            devtools.send("ServiceWorker.enable");
            page.navigate(origin + "/");
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
            page.waitForCondition(() -> registration.get() != null, new Page.WaitForConditionOptions().setTimeout(30_000));
            // Headless, the window may or may not count as focused: the expectation follows what it reports.
            boolean inFront = (Boolean) page.evaluate("() => document.visibilityState === 'visible' && document.hasFocus()");

            deliver(devtools, origin, registration.get(), "{\"kind\":\"message\",\"priority\":\"normal\",\"title\":\"Lage\","
                    + "\"body\":\"Neue Nachricht in Lage\",\"eventId\":\"e1\",\"roomId\":\"" + ROOM + "\",\"chatId\":\"" + CHAT + "\"}");
            deliver(devtools, origin, registration.get(), "{\"kind\":\"alarm\",\"priority\":\"urgent\",\"title\":\"Notruf\","
                    + "\"body\":\"Meier in Lage Hauptbahnhof\",\"eventId\":\"e2\",\"roomId\":\"" + ROOM + "\",\"alarmId\":\"" + ALARM + "\"}");
            page.waitForFunction("n => navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((shown) => shown.length === n)",
                    inFront ? 1 : 2, new Page.WaitForFunctionOptions().setTimeout(30_000));

            List<Map<String, Object>> shown = notifications(page);
            Map<String, Object> alarm = shown.stream().filter(n -> "Notruf".equals(n.get("title"))).findFirst().orElseThrow();
            assertThat(alarm).containsEntry("body", "Meier in Lage Hauptbahnhof").containsEntry("tag", ALARM)
                    .containsEntry("url", "/#/r/" + ROOM);
            if (inFront) {
                assertThat(shown).as("a normal push is not shown while the app is in front").hasSize(1);
            } else {
                assertThat(shown).filteredOn(n -> "Lage".equals(n.get("title"))).singleElement()
                        .satisfies(n -> assertThat(n).containsEntry("tag", CHAT).containsEntry("url", "/#/r/" + ROOM + "/c/" + CHAT));
            }
        }
    }

    private static void deliver(CDPSession devtools, String origin, String registrationId, String data) {
        JsonObject push = new JsonObject();
        push.addProperty("origin", origin);
        push.addProperty("registrationId", registrationId);
        push.addProperty("data", data);
        devtools.send("ServiceWorker.deliverPushMessage", push);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> notifications(Page page) {
        return (List<Map<String, Object>>) page.evaluate("""
                async () => (await (await navigator.serviceWorker.ready).getNotifications())
                    .map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data && n.data.url }))""");
    }
}
