package de.lagebild.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import de.lagebild.common.testing.Tokens;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web client end to end in Debian's Chromium against the packaged chat, media and web functions
 * and the real Keycloak: an operations lead and an officer, each in their own browser context.
 * The steps build on each other (one stack and one browser per run), so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebClientIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebStack stack;
    private Chromium chromium;
    private AppUser lead;
    private AppUser officer;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String roomName = "Einsatz Hauptbahnhof " + run;
    private final String chatName = "Zugriff " + run;
    private String roomId;

    @BeforeAll
    void start() throws Exception {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        stack = WebStack.start();
        chromium = new Chromium();
        lead = new AppUser(chromium.browser, "lead1", 1440, 900);
        officer = new AppUser(chromium.browser, "officer1", 390, 844);
    }

    @AfterAll
    void stop() throws Exception {
        endTheAlarmsOfThisRun();
        if (officer != null) {
            officer.close();
        }
        if (lead != null) {
            lead.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** What each page showed at the end of each step (for reading a failure). */
    @AfterEach
    void pictures(TestInfo step) throws Exception {
        Path dir = Path.of("target", "steps");
        lead.screenshot(dir.resolve(step.getTestMethod().orElseThrow().getName() + "-lead.png"));
        officer.screenshot(dir.resolve(step.getTestMethod().orElseThrow().getName() + "-officer.png"));
    }

    @Test
    @Order(1)
    void signInThroughTheKeycloakLoginPage() {
        lead.signIn(stack.url());
        officer.signIn(stack.url());
        PlaywrightAssertions.assertThat(lead.page.locator(".topbar .me")).hasText("Katrin Hoffmann");
        PlaywrightAssertions.assertThat(officer.page.locator(".topbar .me")).hasText("Jonas Becker");
        // The token lives in memory only: nothing of it in web storage.
        Object stored = lead.page.evaluate("() => JSON.stringify(Object.assign({}, localStorage, sessionStorage))");
        assertThat(String.valueOf(stored)).doesNotContain("access_token").doesNotContain("eyJ");
    }

    @Test
    @Order(2)
    void leadOpensARoomAddsTheOfficerAndBothChatLiveEachMessageOnce() {
        Page page = lead.page;
        lead.button("Einsatzraum eröffnen").click();
        page.getByLabel("Name des Einsatzraums").fill(roomName);
        lead.button("Anlegen").click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(roomName))).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mitglieder des Einsatzraums")).click();
        page.getByLabel("Personen suchen").fill("Jonas");
        page.locator(".found li", new Page.LocatorOptions().setHasText("Jonas Becker")).getByRole(AriaRole.BUTTON).click();
        PlaywrightAssertions.assertThat(page.locator(".members .member", new Page.LocatorOptions().setHasText("Jonas Becker"))).isVisible();

        lead.button("Neuer Chat").click();
        page.getByLabel("Name des Chats").fill(chatName);
        page.getByLabel("Jonas Becker").check();
        lead.button("Anlegen").click();
        PlaywrightAssertions.assertThat(page.locator(".chat-head h2")).hasText(chatName);

        officer.openRoomItem(roomName);
        officer.openChat(chatName);

        lead.send("Lage: Zugriff in 5 Minuten");
        PlaywrightAssertions.assertThat(officer.message("Lage: Zugriff in 5 Minuten")).hasCount(1);
        officer.send("Verstanden, Position bezogen");
        PlaywrightAssertions.assertThat(lead.message("Verstanden, Position bezogen")).hasCount(1);
        PlaywrightAssertions.assertThat(lead.message("Lage: Zugriff in 5 Minuten")).hasCount(1);
        PlaywrightAssertions.assertThat(officer.message("Verstanden, Position bezogen")).hasCount(1);

        // Read markers: each side sees that the other has read its message.
        PlaywrightAssertions.assertThat(lead.page.locator(".message.mine .receipts summary").last()).hasText("gelesen von 1 von 1");
        PlaywrightAssertions.assertThat(officer.page.locator(".message.mine .receipts summary").last()).hasText("gelesen von 1 von 1");
    }

    @Test
    @Order(3)
    void aReloadResumesFromTheStoredCursorsAndReplaysOnlyWhatIsNew() {
        officer.reload();
        long replayedWhenNothingNew = officer.streamStat("eventsBeforeCaughtUp");
        long firstLoadEvents = officer.streamStat("events");
        assertThat(replayedWhenNothingNew).as("nothing new since the last frame").isZero();

        officer.page.navigate("about:blank");
        lead.send("Nachtrag 1");
        lead.send("Nachtrag 2");
        PlaywrightAssertions.assertThat(lead.message("Nachtrag 2")).hasCount(1);
        officer.page.navigate(stack.url());
        officer.awaitOnline();
        officer.openRoomItem(roomName);
        officer.openChat(chatName);
        PlaywrightAssertions.assertThat(officer.message("Nachtrag 1")).hasCount(1);
        PlaywrightAssertions.assertThat(officer.message("Nachtrag 2")).hasCount(1);
        long replayed = officer.streamStat("eventsBeforeCaughtUp");
        // Two messages and the lead's read markers for them at most; never the room from 0.
        assertThat(replayed).isBetween(2L, 4L);
        assertThat(firstLoadEvents).isGreaterThanOrEqualTo(0L);
    }

    @Test
    @Order(4)
    void messagesWrittenOfflineWaitInTheOutboxAndArriveOnceEach() {
        officer.context.setOffline(true);
        officer.page.waitForFunction("() => !navigator.onLine");
        officer.send("Offline 1");
        officer.send("Offline 2");
        officer.send("Offline 3");
        PlaywrightAssertions.assertThat(officer.pending()).hasCount(3);
        PlaywrightAssertions.assertThat(officer.pending().first()).containsText("wartet auf Verbindung");
        PlaywrightAssertions.assertThat(lead.message("Offline 1")).hasCount(0);

        officer.context.setOffline(false);
        PlaywrightAssertions.assertThat(officer.pending()).hasCount(0);
        for (String text : List.of("Offline 1", "Offline 2", "Offline 3")) {
            PlaywrightAssertions.assertThat(lead.message(text)).hasCount(1);
            PlaywrightAssertions.assertThat(officer.message(text)).hasCount(1);
        }
        List<String> order = lead.page.locator(".message-list .message .body").allTextContents();
        assertThat(order.subList(order.size() - 3, order.size())).containsExactly("Offline 1", "Offline 2", "Offline 3");
    }

    @Test
    @Order(5)
    void withoutWriteTheComposerIsGoneAndTheServerRefusesWithoutReadTheChatIsGone() throws Exception {
        Page page = lead.page;
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Details")).click();
        Locator officerRow = page.locator(".details .member", new Page.LocatorOptions().setHasText("Jonas Becker"));
        officerRow.getByLabel("Schreiben").uncheck();
        PlaywrightAssertions.assertThat(officer.page.locator(".composer-disabled")).hasText("Sie dürfen in diesem Chat nicht schreiben.");
        PlaywrightAssertions.assertThat(officer.page.getByLabel("Nachricht schreiben")).hasCount(0);

        String chatId = officer.page.evaluate("() => location.hash.split('/')[4]").toString();
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(stack.chatUrl() + "/v1/chats/" + chatId + "/messages"))
                .header("Authorization", "Bearer " + Tokens.of("officer1")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + UUID.randomUUID() + "\",\"kind\":\"text\",\"body\":\"trotzdem\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        officerRow.getByLabel("Lesen").uncheck();
        PlaywrightAssertions.assertThat(officerRow.getByLabel("Lesen")).not().isChecked();
        officer.page.navigate(stack.url() + "#/r/" + roomIdOf(officer));
        officer.reload();
        PlaywrightAssertions.assertThat(officer.link(chatName)).hasCount(0);

        officerRow.getByLabel("Lesen").check();
        officerRow.getByLabel("Schreiben").check();
        PlaywrightAssertions.assertThat(officerRow.locator("input:checked")).hasCount(2);
        officer.reload();
        officer.openChat(chatName);
        PlaywrightAssertions.assertThat(officer.page.getByLabel("Nachricht schreiben")).isVisible();
    }

    @Test
    @Order(6)
    void aPhotoSentThroughTheFileChooserShowsItsThumbnailToTheOther() throws Exception {
        officer.page.locator("[data-testid=attach]").setInputFiles(new FilePayload("lage.jpg", "image/jpeg", photo()));
        Locator thumbnail = lead.page.locator(".message .photo img");
        PlaywrightAssertions.assertThat(thumbnail).hasCount(1);
        lead.page.waitForFunction("() => { const i = document.querySelector('.message .photo img'); return i && i.complete && i.naturalWidth > 0; }");
        assertThat(((Number) thumbnail.evaluate("i => i.naturalWidth")).intValue()).isEqualTo(320);
    }

    @Test
    @Order(7)
    void anAlarmHeldDownOnThePhoneReachesTheLeadLiveWhoComesAndTheRaiserEndsIt() throws Exception {
        officer.context.grantPermissions(List.of("geolocation"));
        officer.context.setGeolocation(new Geolocation(53.5503, 9.9921).setAccuracy(6));
        Page page = officer.page;
        roomId = roomIdOf(officer);
        officer.button("Notruf").click();
        onlyThisRoom(officer);
        PlaywrightAssertions.assertThat(page.locator(".alarm-location")).containsText("53.55030, 9.99210");
        Locator hold = officer.button("Zum Auslösen gedrückt halten");
        // A tap is not enough: nothing is raised and the dialog stays.
        hold.click();
        PlaywrightAssertions.assertThat(page.locator("dialog.dialog")).isVisible();
        PlaywrightAssertions.assertThat(page.locator(".alarm.pending")).hasCount(0);
        PlaywrightAssertions.assertThat(alarmOf(officer)).hasCount(0);

        // Raised without a connection: it waits with its client id and goes out once, when the connection is back.
        officer.context.setOffline(true);
        page.waitForFunction("() => !navigator.onLine");
        hold.hover();
        page.mouse().down();
        PlaywrightAssertions.assertThat(page.locator("dialog.dialog")).hasCount(0);
        page.mouse().up();
        PlaywrightAssertions.assertThat(page.locator(".alarm.pending")).containsText("wartet auf Verbindung");
        officer.context.setOffline(false);
        PlaywrightAssertions.assertThat(page.locator(".alarm.pending")).hasCount(0);

        Locator atLead = alarmOf(lead);
        PlaywrightAssertions.assertThat(atLead).hasCount(1);
        assertThat(activeAlarmsOfTheRoom()).hasSize(1);
        PlaywrightAssertions.assertThat(atLead).containsText("NOTRUF");
        PlaywrightAssertions.assertThat(atLead).containsText("Jonas Becker (PK 11)");
        PlaywrightAssertions.assertThat(atLead).containsText("53.55030, 9.99210 (±6 m)");
        PlaywrightAssertions.assertThat(atLead).containsText("Noch niemand hat bestätigt.");
        PlaywrightAssertions.assertThat(alarmOf(officer)).containsText("Ihr Alarm");
        atLead.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ich komme")).click();
        PlaywrightAssertions.assertThat(atLead).containsText("Sie kommen");
        PlaywrightAssertions.assertThat(alarmOf(officer)).containsText("Kommt: Katrin Hoffmann");

        alarmOf(officer).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Entwarnung")).click();
        alarmOf(officer).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ja")).click();
        PlaywrightAssertions.assertThat(alarmOf(officer)).hasCount(0);
        PlaywrightAssertions.assertThat(alarmOf(lead)).hasCount(0);
    }

    @Test
    @Order(8)
    void aReconnectingPhoneGetsTheActiveAlarmBeforeItReplaysOlderEvents() throws Exception {
        officer.page.navigate("about:blank");
        Page page = lead.page;
        lead.button("Notruf").click();
        page.getByLabel("Eigener Text").check();
        page.getByLabel("Was ist los?").fill("Fahrzeug flüchtet Richtung Hafen");
        onlyThisRoom(lead);
        // Held with the keyboard this time.
        lead.button("Zum Auslösen gedrückt halten").focus();
        page.keyboard().down("Space");
        PlaywrightAssertions.assertThat(page.locator("dialog.dialog")).hasCount(0);
        page.keyboard().up("Space");
        Locator atLead = alarmOf(lead);
        PlaywrightAssertions.assertThat(atLead).containsText("ALARM: Fahrzeug flüchtet Richtung Hafen");
        String alarmId = atLead.getAttribute("data-alarm-id");
        lead.send("Nach dem Alarm 1");
        lead.send("Nach dem Alarm 2");
        PlaywrightAssertions.assertThat(lead.message("Nach dem Alarm 2")).hasCount(1);

        officer.page.navigate(stack.url());
        officer.awaitOnline();
        Locator atOfficer = alarmOf(officer);
        PlaywrightAssertions.assertThat(atOfficer).containsText("Fahrzeug flüchtet Richtung Hafen");
        PlaywrightAssertions.assertThat(atOfficer).containsText("Katrin Hoffmann");
        assertThat(officer.streamStat("eventsBeforeAlarms")).as("no replayed event before the alarms frame").isZero();
        assertThat(officer.page.evaluate("() => window.lagebildStream.alarmsOnConnect").toString()).contains(alarmId);
        assertThat(officer.streamStat("eventsBeforeCaughtUp")).as("the messages written meanwhile, replayed after it").isGreaterThanOrEqualTo(2L);

        atOfficer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ich komme")).click();
        PlaywrightAssertions.assertThat(atLead).containsText("Kommt: Jonas Becker");

        Path target = Path.of("target", "screenshots");
        officer.screenshot(target.resolve("phone-alarm.png"));
        lead.screenshot(target.resolve("desktop-alarm.png"));
        String axe = Files.readString(WebStack.module().resolve("node_modules/axe-core/axe.min.js"));
        List<String> found = new ArrayList<>(axe(lead.page, axe, "lead with an alarm"));
        found.addAll(axe(officer.page, axe, "officer with an alarm (phone)"));
        officer.button("Notruf").click();
        found.addAll(axe(officer.page, axe, "alarm dialog (phone)"));
        officer.screenshot(target.resolve("phone-alarm-dialog.png"));
        officer.page.keyboard().press("Escape");
        assertThat(found).isEmpty();

        atLead.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fehlalarm")).click();
        atLead.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ja")).click();
        PlaywrightAssertions.assertThat(alarmOf(lead)).hasCount(0);
        PlaywrightAssertions.assertThat(alarmOf(officer)).hasCount(0);
    }

    @Test
    @Order(9)
    void aStatusSetOnThePhoneShowsOnTheLeadsBoardLive() throws Exception {
        lead.button("Statusübersicht").click();
        Locator officerRow = lead.page.locator(".status-board .status-row", new Page.LocatorOptions().setHasText("Jonas Becker"));
        PlaywrightAssertions.assertThat(officerRow).isVisible();

        officer.openRoomItem(roomName);
        // Scoped to the room's own list: a status request of another room puts a second "Status melden" on screen.
        Locator reportStatus = officer.page.getByLabel("Chats")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Status melden").setExact(true));
        reportStatus.click();
        Locator urgent = officer.page.locator(".status-option.urgent");
        PlaywrightAssertions.assertThat(urgent).hasCount(1);
        PlaywrightAssertions.assertThat(urgent).containsText("0 Prio. Sprechen · dringend");
        officer.page.locator(".status-option", new Page.LocatorOptions().setHasText("Einsatzübernahme")).click();
        PlaywrightAssertions.assertThat(officer.page.locator(".my-status")).containsText("Einsatzübernahme");
        PlaywrightAssertions.assertThat(officerRow).containsText("3 · Einsatz übernommen");

        reportStatus.click();
        officer.page.locator(".status-option.urgent").click();
        PlaywrightAssertions.assertThat(officerRow).containsText("0 · dringender Sprechwunsch");
        PlaywrightAssertions.assertThat(officerRow).hasClass(Pattern.compile("urgent"));
        lead.screenshot(Path.of("target", "screenshots", "desktop-status-board.png"));
    }

    @Test
    @Order(10)
    void aStatusRequestPromptsThePhoneAndTheAnswerReachesTheBoard() throws Exception {
        Locator officerRow = lead.page.locator(".status-board .status-row", new Page.LocatorOptions().setHasText("Jonas Becker"));
        lead.button("Status abfragen: Jonas Becker").click();
        PlaywrightAssertions.assertThat(officerRow.locator(".requested")).isVisible();
        Locator prompt = officer.page.locator(".status-request", new Page.LocatorOptions().setHasText(roomName));
        PlaywrightAssertions.assertThat(prompt).containsText("Statusabfrage von Katrin Hoffmann (" + roomName + ")");
        officer.screenshot(Path.of("target", "screenshots", "phone-status-request.png"));

        prompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Status melden")).click();
        PlaywrightAssertions.assertThat(officer.page.locator(".status-option[aria-pressed=true]")).containsText("Prio. Sprechen");
        String axe = Files.readString(WebStack.module().resolve("node_modules/axe-core/axe.min.js"));
        List<String> found = new ArrayList<>(axe(officer.page, axe, "status picker (phone)"));
        found.addAll(axe(lead.page, axe, "status board"));
        officer.screenshot(Path.of("target", "screenshots", "phone-status-picker.png"));
        officer.page.locator(".status-option", new Page.LocatorOptions().setHasText("E-bereit Wache")).click();
        PlaywrightAssertions.assertThat(prompt).hasCount(0);
        PlaywrightAssertions.assertThat(officerRow).containsText("2 · einsatzbereit auf Wache");
        PlaywrightAssertions.assertThat(officerRow.locator(".requested")).hasCount(0);
        assertThat(found).isEmpty();

        lead.openChat(chatName);
        officer.openChat(chatName);
    }

    private List<JsonNode> activeAlarmsOfTheRoom() throws Exception {
        HttpResponse<String> alarms = HTTP.send(HttpRequest.newBuilder(URI.create(stack.chatUrl() + "/v1/rooms/" + roomId + "/alarms"))
                .header("Authorization", "Bearer " + Tokens.of("lead1")).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> active = new ArrayList<>();
        JSON.readTree(alarms.body()).path("active").forEach(active::add);
        return active;
    }

    /** A step that failed halfway must not leave an active alarm on the browser users' screens for later runs. */
    private void endTheAlarmsOfThisRun() throws Exception {
        if (roomId == null || stack == null) {
            return;
        }
        for (JsonNode alarm : activeAlarmsOfTheRoom()) {
            HTTP.send(HttpRequest.newBuilder(URI.create(stack.chatUrl() + "/v1/alarms/" + alarm.path("id").asText() + "/resolve"))
                    .header("Authorization", "Bearer " + Tokens.of("lead1")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The alarm dialog offers "only this room" when the user has other open rooms (the shared test database has many). */
    private void onlyThisRoom(AppUser user) {
        Locator only = user.page.getByLabel("Nur " + roomName);
        if (only.count() > 0) {
            only.check();
        }
    }

    /** The banner's entry of this run's alarm (it names the room). */
    private Locator alarmOf(AppUser user) {
        return user.page.locator(".alarm-banner .alarm[data-alarm-id]", new Page.LocatorOptions().setHasText(roomName));
    }

    @Test
    @Order(11)
    void anOrderIsAcknowledgedOrDeclinedByItsRecipientAndTheSenderSeesTheRollUp() {
        // The lead's first read of the order's view is answered only once the acknowledgement's event has
        // reached the lead, with what the server said before it: the event overtakes the read, as it did
        // on a busy CI machine, and the roll-up must still come to show the acknowledgement.
        String orderViews = "**/v1/chats/*/orders/*";
        List<Runnable> heldViewReads = new ArrayList<>();
        lead.page.route(orderViews, route -> {
            APIResponse beforeTheAcknowledgement = route.fetch();
            if (beforeTheAcknowledgement.status() == 200 && heldViewReads.isEmpty()) {
                heldViewReads.add(() -> route.fulfill(new Route.FulfillOptions().setResponse(beforeTheAcknowledgement)));
            } else {
                route.fulfill(new Route.FulfillOptions().setResponse(beforeTheAcknowledgement));
            }
        });
        sendAsOrder(lead);
        lead.send("Absperrung Nord besetzen");
        Locator atOfficer = officer.page.locator(".message-list .message", new Page.LocatorOptions().setHasText("Absperrung Nord besetzen"));
        PlaywrightAssertions.assertThat(atOfficer.locator(".order-chip")).hasText("Auftrag");
        atOfficer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bestätigen")).click();
        PlaywrightAssertions.assertThat(atOfficer).containsText("Sie haben bestätigt.");
        lead.page.waitForCondition(() -> !heldViewReads.isEmpty());
        lead.page.waitForTimeout(1_000); // the acknowledgement's event on the lead's stream (no mark of its own on screen)
        heldViewReads.forEach(Runnable::run);
        lead.page.unroute(orderViews);
        Locator atLead = lead.page.locator(".message-list .message", new Page.LocatorOptions().setHasText("Absperrung Nord besetzen"));
        PlaywrightAssertions.assertThat(atLead.locator(".order-follow summary")).hasText("1 von 1 bestätigt");
        atLead.locator(".order-follow summary").click();
        PlaywrightAssertions.assertThat(atLead.locator(".order-recipients li.acknowledged")).containsText("Jonas Becker");

        sendAsOrder(lead);
        lead.send("Zweiten Zugang sichern");
        Locator second = officer.page.locator(".message-list .message", new Page.LocatorOptions().setHasText("Zweiten Zugang sichern"));
        second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ablehnen")).click();
        second.getByLabel("Grund der Ablehnung").fill("kein Fahrzeug frei");
        second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ablehnen senden")).click();
        PlaywrightAssertions.assertThat(second).containsText("Sie haben abgelehnt: kein Fahrzeug frei");
        Locator secondAtLead = lead.page.locator(".message-list .message", new Page.LocatorOptions().setHasText("Zweiten Zugang sichern"));
        PlaywrightAssertions.assertThat(secondAtLead.locator(".order-follow summary")).hasText("0 von 1 bestätigt, 1 abgelehnt");
    }

    /** The next message goes out as an order: chosen in the composer's priority and order options. */
    private static void sendAsOrder(AppUser user) {
        user.button("Priorität und Auftrag").click();
        user.page.locator(".send-options").getByLabel("Als Auftrag senden (Bestätigung anfordern)").check();
    }

    @Test
    @Order(12)
    void theMainScreensHaveNoSeriousOrCriticalAccessibilityViolations() throws Exception {
        String axe = Files.readString(WebStack.module().resolve("node_modules/axe-core/axe.min.js"));
        List<String> found = new ArrayList<>();
        found.addAll(axe(lead.page, axe, "lead chat + details"));
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Details")).click();
        found.addAll(axe(lead.page, axe, "lead chat"));
        found.addAll(axe(officer.page, axe, "officer chat (phone)"));
        officer.page.locator(".chat-head .back").click();
        found.addAll(axe(officer.page, axe, "officer chats (phone)"));
        officer.page.locator(".pane-head .back").click();
        found.addAll(axe(officer.page, axe, "officer rooms (phone)"));
        assertThat(found).isEmpty();
    }

    @Test
    @Order(13)
    void screenshotsOfTheMainScreens() throws Exception {
        Path target = Path.of("target", "screenshots");
        officer.screenshot(target.resolve("phone-rooms.png"));
        officer.openRoomItem(roomName);
        officer.screenshot(target.resolve("phone-chats.png"));
        officer.openChat(chatName);
        officer.screenshot(target.resolve("phone-chat.png"));
        lead.screenshot(target.resolve("desktop-chat.png"));
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Details")).click();
        lead.screenshot(target.resolve("desktop-chat-details.png"));
        if (Boolean.getBoolean("lagebild.test.update-screenshots")) {
            Path docs = Path.of("docs");
            try (var files = Files.list(target)) {
                for (Path file : files.toList()) {
                    Files.copy(file, docs.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        lead.consoleErrors.forEach(error -> System.out.println("lead's console: " + error));
    }

    private static List<String> axe(Page page, String axeSource, String screen) throws Exception {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource));
        Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations)");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(result.toString())) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(screen + ": " + violation.path("id").asText() + " " + violation.path("nodes").toString());
            }
        }
        return serious;
    }

    private static String roomIdOf(AppUser user) {
        return user.page.evaluate("() => location.hash.split('/')[2]").toString();
    }

    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, 800, 600);
        g.setColor(Color.ORANGE);
        g.fillOval(250, 150, 300, 300);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
