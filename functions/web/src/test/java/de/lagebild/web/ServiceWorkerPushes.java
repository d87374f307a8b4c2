package de.lagebild.web;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's service worker as a push service and a person reach it: a push delivered through the
 * DevTools protocol ({@code ServiceWorker.deliverPushMessage}), the notifications it shows, and a
 * click on one of them.
 */
final class ServiceWorkerPushes {

    private final Page page;
    private final CDPSession devtools;
    private final String origin;
    private final String registrationId;

    private ServiceWorkerPushes(Page page, CDPSession devtools, String origin, String registrationId) {
        this.page = page;
        this.devtools = devtools;
        this.origin = origin;
        this.registrationId = registrationId;
    }

    /** The service worker of the app open in the page (at the origin), once it is registered. */
    static ServiceWorkerPushes of(BrowserContext context, Page page, String origin) {
        CDPSession devtools = context.newCDPSession(page);
        AtomicReference<String> registration = new AtomicReference<>();
        devtools.on("ServiceWorker.workerRegistrationUpdated", event -> event.getAsJsonArray("registrations").forEach(r -> {
            JsonObject updated = r.getAsJsonObject();
            if (updated.get("scopeURL").getAsString().startsWith(origin) && !updated.get("isDeleted").getAsBoolean()) {
                registration.set(updated.get("registrationId").getAsString());
            }
        }));
        devtools.send("ServiceWorker.enable");
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        page.waitForCondition(() -> registration.get() != null);
        return new ServiceWorkerPushes(page, devtools, origin, registration.get());
    }

    /** A push with this payload (the decrypted JSON a push service would hand over). */
    void deliver(String payload) {
        JsonObject push = new JsonObject();
        push.addProperty("origin", origin);
        push.addProperty("registrationId", registrationId);
        push.addProperty("data", payload);
        devtools.send("ServiceWorker.deliverPushMessage", push);
    }

    /** Waits until the service worker shows this many notifications with the tag. */
    void awaitShown(String tag, int count) {
        PageWaits.until(page, "([tag, count]) => navigator.serviceWorker.ready.then((r) => r.getNotifications({ tag }))"
                + ".then((shown) => shown.length === count)", List.of(tag, count));
    }

    /** Waits until the service worker shows this many notifications in all. */
    void awaitShown(int count) {
        PageWaits.until(page, "count => navigator.serviceWorker.ready.then((r) => r.getNotifications())"
                + ".then((shown) => shown.length === count)", count);
    }

    /** The notifications shown: title, body, tag and where a click leads. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> shown() {
        return (List<Map<String, Object>>) page.evaluate("""
                async () => (await (await navigator.serviceWorker.ready).getNotifications())
                    .map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data && n.data.url }))""");
    }

    /**
     * A click on the notification with this tag, in a profile started with {@link ServiceWorkerDevTools#ARG},
     * armed before the push that shows it. Headless Chromium shows notifications nowhere a click could reach
     * and the DevTools protocol has no command for one, so the service worker gets the event a click gives it,
     * for the notification it shows, at the moment it shows it: the armed click wraps the registration's
     * {@code showNotification} and looks the notification up as soon as the app's call resolves. (It searched
     * by polling before, and on a busy machine once found nothing for 20 s: headless Chromium keeps a shown
     * notification only briefly.) Such an event carries no user activation. {@link ServiceWorkerDevTools.Evaluation#result()}
     * waits for the click and fails telling whether the notification was never shown or gone at once.
     */
    ServiceWorkerDevTools.Evaluation armClick(Path profile, String tag) throws Exception {
        String setUp = """
                (() => {
                  const registration = self.registration;
                  const tag = '%s';
                  self.lagebildClick = new Promise((resolve, reject) => {
                    const never = setTimeout(() => {
                      delete registration.showNotification;
                      reject(new Error('no notification tagged ' + tag + ' was shown in 20 s'));
                    }, 20000);
                    registration.showNotification = async (title, options) => {
                      await ServiceWorkerRegistration.prototype.showNotification.call(registration, title, options);
                      if (options?.tag !== tag) return;
                      delete registration.showNotification;
                      clearTimeout(never);
                      const [shown] = await registration.getNotifications({ tag });
                      if (!shown) {
                        reject(new Error('the notification tagged ' + tag + ' was shown and gone at once'));
                        return;
                      }
                      self.dispatchEvent(new NotificationEvent('notificationclick', { notification: shown }));
                      resolve(true);
                    };
                  });
                  return true;
                })()""".formatted(tag);
        return ServiceWorkerDevTools.start(profile, origin, setUp, "self.lagebildClick");
    }
}
