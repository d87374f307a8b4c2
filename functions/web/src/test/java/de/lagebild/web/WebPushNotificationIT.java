package de.lagebild.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import de.lagebild.common.testing.PackagedFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
            page.navigate(origin + "/");
            ServiceWorkerPushes worker = ServiceWorkerPushes.of(context, page, origin);
            // Headless, the window may or may not count as focused: the expectation follows what it reports.
            boolean inFront = (Boolean) page.evaluate("() => document.visibilityState === 'visible' && document.hasFocus()");

            worker.deliver("{\"kind\":\"message\",\"priority\":\"normal\",\"title\":\"Lage\","
                    + "\"body\":\"Neue Nachricht in Lage\",\"eventId\":\"e1\",\"roomId\":\"" + ROOM + "\",\"chatId\":\"" + CHAT + "\"}");
            worker.deliver("{\"kind\":\"alarm\",\"priority\":\"urgent\",\"title\":\"Notruf\","
                    + "\"body\":\"Meier in Lage Hauptbahnhof\",\"eventId\":\"e2\",\"roomId\":\"" + ROOM + "\",\"alarmId\":\"" + ALARM + "\"}");
            worker.awaitShown(inFront ? 1 : 2);

            List<Map<String, Object>> shown = worker.shown();
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
}
